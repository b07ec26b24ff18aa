package io.github.dualstack.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The last resort for an error no input is known to raise: its cause only when it is in the user's words. */
class ReadErrorsTest {

    @Test
    void aMessageInTheLibrariesWordsIsLeftOut() {
        assertThat(ReadErrors.cannotRead(new IOException(
                "Unexpected end-of-input\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)")))
                .isEqualTo("cannot read descriptor: Unexpected end-of-input");
        assertThat(ReadErrors.cannotRead(new IOException("Document length (9) exceeds the maximum allowed (8, from"
                + " `StreamReadConstraints.getMaxDocumentLength()`)"))).isEqualTo("cannot read descriptor");
    }

    @Test
    void aMessageInTheUsersWordsIsKeptToItsFirstLine() {
        assertThat(ReadErrors.cannotRead(new IOException("disk gone\nmore"))).isEqualTo("cannot read descriptor: disk gone");
        assertThat(ReadErrors.cannotRead(new IOException((String) null))).isEqualTo("cannot read descriptor");
    }
}
