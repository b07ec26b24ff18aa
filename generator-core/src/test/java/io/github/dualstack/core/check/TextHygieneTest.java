package io.github.dualstack.core.check;

import static io.github.dualstack.core.check.GeneratedFiles.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.dualstack.core.plan.FileKind;
import io.github.dualstack.core.render.OutputFile;
import org.junit.jupiter.api.Test;

/** UTF-8, LF line endings, no control characters, one final newline. */
class TextHygieneTest {

    @Test
    void crLineEndingFails() {
        String m = edgeFailure(EDGECORE.replace("kind: EdgeCore\n", "kind: EdgeCore\r\n"));
        assertThat(m).contains("line 3: has a CR (\\r) line ending; only LF is allowed");
        String all = failure("cluster/kubeedge/cloudcore.service.yaml", SERVICE.replace("\n", "\r\n"), FileKind.KUBERNETES)
                .getMessage();
        assertThat(all).contains("line 1: has a CR (\\r) line ending (");
    }

    @Test
    void invalidUtf8Fails() {
        byte[] bytes = {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        SelfCheckException e = catchThrowableOfType(SelfCheckException.class,
                () -> check(new OutputFile("README.md", bytes, FileKind.DOCUMENT)));
        assertThat(e.getMessage()).contains("README.md: ").contains("is not valid UTF-8");
    }

    @Test
    void plainTextRules() {
        assertThat(failure("a.conf", "a=1\n\n", FileKind.SYSTEM_CONFIG).getMessage()).contains("ends with blank lines");
        assertThat(failure("README.md", "# x\u0000y\n", FileKind.DOCUMENT).getMessage())
                .contains("line 1: has control character U+0000");
        assertThat(failure("README.md", "", FileKind.DOCUMENT).getMessage()).contains("is empty");
    }
}
