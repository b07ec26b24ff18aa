package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.Sha256;
import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.plan.FileKind;
import io.github.dualstack.core.write.Ownership.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The ownership policy as a table, without a file system: what generate may write or remove, forced or not. */
class OwnershipTest {

    private static final byte[] OURS = bytes("what dualstack wrote\n");
    private static final byte[] NEXT = bytes("what it writes now\n");
    private static final byte[] EDIT = bytes("a hand edit\n");
    private static final String OURS_SHA = Sha256.of(OURS);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static OnDisk file(byte[] content) {
        return OnDisk.regular(content, 0644, FileKind.KUBERNETES);
    }

    private static OnDisk special(SafeFiles.Kind kind) {
        return new OnDisk(kind, null, false, 0, 0);
    }

    @Test
    void plannedFiles() {
        // what is there                        planned  owned sha  force  verdict
        assertThat(Ownership.planned(OnDisk.ABSENT, NEXT, null, false)).isEqualTo(Verdict.WRITE);
        assertThat(Ownership.planned(file(NEXT), NEXT, OURS_SHA, false)).isEqualTo(Verdict.UNCHANGED);
        assertThat(Ownership.planned(file(NEXT), NEXT, null, false)).as("same bytes, even unowned").isEqualTo(Verdict.UNCHANGED);
        assertThat(Ownership.planned(file(OURS), NEXT, OURS_SHA, false)).isEqualTo(Verdict.WRITE);
        assertThat(Ownership.planned(file(EDIT), NEXT, OURS_SHA, false)).isEqualTo(Verdict.EDITED);
        assertThat(Ownership.planned(file(EDIT), NEXT, OURS_SHA, true)).isEqualTo(Verdict.WRITE);
        assertThat(Ownership.planned(file(EDIT), NEXT, null, false)).isEqualTo(Verdict.NOT_OWNED);
        assertThat(Ownership.planned(file(EDIT), NEXT, null, true)).isEqualTo(Verdict.WRITE);
        assertThat(Ownership.planned(OnDisk.regular(NEXT, 0600, FileKind.KUBERNETES), NEXT, OURS_SHA, false))
                .as("a mode changed by hand is put back").isEqualTo(Verdict.WRITE);
        assertThat(Ownership.planned(new OnDisk(SafeFiles.Kind.REGULAR, null, true, 0644, 1L << 30), NEXT, OURS_SHA,
                false)).as("too large to be ours").isEqualTo(Verdict.EDITED);
    }

    @Test
    void nothingButRegularFilesIsReplacedEvenWhenForced() {
        for (SafeFiles.Kind kind : new SafeFiles.Kind[] {SafeFiles.Kind.DIRECTORY, SafeFiles.Kind.SYMLINK,
                SafeFiles.Kind.FIFO, SafeFiles.Kind.SOCKET, SafeFiles.Kind.CHAR_DEVICE, SafeFiles.Kind.BLOCK_DEVICE}) {
            assertThat(Ownership.planned(special(kind), NEXT, OURS_SHA, true)).as(kind.name()).isEqualTo(Verdict.NOT_REGULAR);
            assertThat(Ownership.unplanned(special(kind), OURS_SHA, true)).as(kind.name()).isEqualTo(Verdict.NOT_REGULAR);
        }
    }

    @Test
    void filesNoLongerGenerated() {
        assertThat(Ownership.unplanned(OnDisk.ABSENT, OURS_SHA, false)).isEqualTo(Verdict.UNCHANGED);
        assertThat(Ownership.unplanned(file(OURS), OURS_SHA, false)).as("removed").isEqualTo(Verdict.WRITE);
        assertThat(Ownership.unplanned(file(EDIT), OURS_SHA, false)).isEqualTo(Verdict.EDITED);
        assertThat(Ownership.unplanned(file(EDIT), OURS_SHA, true)).isEqualTo(Verdict.WRITE);
    }
}
