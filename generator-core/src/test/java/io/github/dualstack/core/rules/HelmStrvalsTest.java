package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** strvals escaping: what Helm's parser would split or nest on is preceded by a backslash, nothing else is. */
class HelmStrvalsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cloudCore.hostNetWork|false|cloudCore.hostNetWork=false",
            "nodeSelector.kubernetes.io/hostname|cp-1|nodeSelector.kubernetes\\.io/hostname=cp-1",
            "a=b.c,d|e|a\\=b.c\\,d=e",
            "list[0]|x|list\\[0\\]=x",
            "k|a,b|k=a\\,b",
            "k|{a,b}|k=\\{a\\,b}",
            "k|x=y[0].z|k=x=y[0].z",
            "k|back\\slash|k=back\\\\slash",
            "k|2001:db8::1|k=2001:db8::1",
    })
    void assignment(String dottedSegments, String value, String expected) {
        // "." in the first column separates segments, except inside the one segment that carries a dot on purpose
        List<String> segments = dottedSegments.startsWith("nodeSelector.")
                ? List.of("nodeSelector", dottedSegments.substring("nodeSelector.".length()))
                : dottedSegments.startsWith("a=b") ? List.of("a=b", "c,d") : List.of(dottedSegments.split("\\."));
        assertThat(HelmStrvals.assignment(HelmStrvals.key(segments), value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"dnsNames|0|dnsNames[0]", "a.b|3|a\\.b[3]"})
    void element(String segment, int index, String expected) {
        assertThat(HelmStrvals.element(HelmStrvals.key(List.of(segment)), index)).isEqualTo(expected);
    }
}
