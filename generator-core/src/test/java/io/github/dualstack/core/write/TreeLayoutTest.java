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
    /** The checks as they were written first, on a split path: the walk without splitting must say the same. */
    @org.junit.jupiter.api.Test
    void theSegmentWalkSaysWhatTheSplitSays() {
        String[] parts = {"a", "edge", "edge-000001", ".", "..", "", ".git", ".jj", "_darcs", "CVS", "CVSx", ".dualstack",
            ".dualstackx", "x.dualstack-new", ".dualstack-new", "\u00e9", "\u00e9".repeat(128), "\u00e9".repeat(127),
            "y".repeat(255), "y".repeat(256), "\u0001", "\\", "\u007f", "\u2028", "\uD83D\uDE00", "z".repeat(2000)};
        java.util.Random random = new java.util.Random(4095);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder path = new StringBuilder(random.nextInt(8) == 0 ? "/" : "");
            for (int k = random.nextInt(5); k >= 0; k--) {
                path.append(parts[random.nextInt(parts.length)]);
                if (k > 0 || random.nextInt(10) == 0) {
                    path.append('/');
                }
            }
            String p = path.toString();
            assertThat(TreeLayout.whyNotGenerated(p)).as(p).isEqualTo(split(p));
        }
    }

    private static java.util.Optional<String> split(String relative) {
        if (relative.isEmpty() || relative.startsWith("/")) {
            return java.util.Optional.of("is not a relative path inside the output directory");
        }
        if (relative.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 4095) {
            return java.util.Optional.of("is longer than 4095 bytes");
        }
        for (int i = 0; i < relative.length(); i++) {
            char c = relative.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return java.util.Optional.of("holds a control character or a backslash");
            }
        }
        String[] segments = relative.split("/", -1);
        for (String seg : segments) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                return java.util.Optional.of("has an empty, '.' or '..' segment");
            }
            if (seg.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                return java.util.Optional.of("has a name longer than 255 bytes");
            }
            if (java.util.Set.of(".git", ".hg", ".svn", ".bzr", "_darcs", "CVS", ".jj").contains(seg)) {
                return java.util.Optional.of("is inside version control metadata (" + seg + ")");
            }
        }
        if (segments[0].equals(".dualstack")) {
            return java.util.Optional.of("is inside dualstack's own metadata directory .dualstack/");
        }
        if (segments[segments.length - 1].endsWith(".dualstack-new")) {
            return java.util.Optional.of("is a staging name (*.dualstack-new)");
        }
        return java.util.Optional.empty();
    }
}
