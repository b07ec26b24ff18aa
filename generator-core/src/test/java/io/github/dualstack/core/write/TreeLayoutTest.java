package io.github.dualstack.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which relative paths may be generated files: what a hostile manifest or journal could name instead. */
class TreeLayoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "cluster/kustomization.yaml", "edge/edge-0001/etc/kubeedge/config/edgecore.yaml",
            "edge/n/join.sh", "nodes/m-1/etc/systemd/system/kubelet.service.d/20-dualstack.conf", ".hidden-but-fine",
            "cluster/.dualstack", "a..b/c"})
    void generatedPaths(String path) {
        assertThat(TreeLayout.whyNotGenerated(path)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                    | is not a relative path inside the output directory",
        "/etc/passwd                           | is not a relative path inside the output directory",
        "../outside                            | has an empty, '.' or '..' segment",
        "cluster/../../outside                 | has an empty, '.' or '..' segment",
        "cluster//x                            | has an empty, '.' or '..' segment",
        "./x                                   | has an empty, '.' or '..' segment",
        "cluster/                              | has an empty, '.' or '..' segment",
        ".dualstack/lock                       | is inside dualstack's own metadata directory .dualstack/",
        ".dualstack/manifest.json              | is inside dualstack's own metadata directory .dualstack/",
        ".dualstack                            | is inside dualstack's own metadata directory .dualstack/",
        ".git/config                           | is inside version control metadata (.git)",
        "edge/.git/hooks/post-checkout         | is inside version control metadata (.git)",
        "x/.hg/hgrc                            | is inside version control metadata (.hg)",
        "cluster/.a.yaml.dualstack-new         | is a staging name (*.dualstack-new)",
        "a\\b                                  | holds a control character or a backslash",
    })
    void notGeneratedPaths(String path, String why) {
        assertThat(TreeLayout.whyNotGenerated(path)).contains(why);
    }

    @org.junit.jupiter.api.Test
    void controlCharactersAndOverlongNames() {
        assertThat(TreeLayout.whyNotGenerated("a\nb")).contains("holds a control character or a backslash");
        assertThat(TreeLayout.whyNotGenerated("a\0b")).contains("holds a control character or a backslash");
        assertThat(TreeLayout.whyNotGenerated("x".repeat(256))).contains("has a name longer than 255 bytes");
        assertThat(TreeLayout.whyNotGenerated("é".repeat(128))).contains("has a name longer than 255 bytes");
        assertThat(TreeLayout.whyNotGenerated(("d".repeat(200) + "/").repeat(21) + "f"))
                .contains("is longer than 4095 bytes");
    }
}
