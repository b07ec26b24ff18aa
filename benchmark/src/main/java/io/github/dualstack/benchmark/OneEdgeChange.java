package io.github.dualstack.benchmark;

import io.github.dualstack.fixtures.SyntheticSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The smallest edit a fleet operator makes: one label value of one edge node in the middle of the site, written
 * back to the same file, the {@code site.yaml} or the inventory that lists the node (the descriptor's name is part
 * of every generated header, so a copy elsewhere would change every file). {@link #apply} writes the edited file,
 * {@link #restore} the original bytes.
 */
final class OneEdgeChange {

    /** A value no synthetic site draws ({@code line} is "1".."64"), so the edit always changes the bytes. */
    static final String VALUE = "bench-changed";
    /** Directories that hold one node's files: a one-edge change may touch no other node's. */
    private static final Pattern PER_NODE = Pattern.compile("^(edge|nodes)/([^/]+)/");

    private final Path file;
    private final String node;
    private final byte[] original;
    private final byte[] changed;

    private OneEdgeChange(Path file, String node, byte[] original, byte[] changed) {
        this.file = file;
        this.node = node;
        this.original = original;
        this.changed = changed;
    }

    /**
     * The change of edge node {@code (edges + 1) / 2} of a synthetic site of {@code edges} edge nodes, in {@code
     * file}: the descriptor or inventory that lists the nodes ({@link SyntheticSite#nodesFile}).
     */
    static OneEdgeChange of(Path file, int edges) throws IOException {
        byte[] original = Files.readAllBytes(file);
        String node = SyntheticSite.edgeName((edges + 1) / 2);
        String text = new String(original, StandardCharsets.UTF_8);
        boolean csv = file.getFileName().toString().endsWith(".csv");
        // SyntheticSite writes a CSV row "NODE,...,zone=Z;line=N", in YAML "- name: NODE" and, two lines on,
        // "labels: {zone: Z, line: "N"}"
        int at = csv ? text.indexOf("\n" + node + ",") : text.indexOf("- name: " + node + "\n");
        Matcher m = Pattern.compile(csv ? ";line=[^\\n]*" : "line: \"[^\"\\n]*\"").matcher(text);
        if (at < 0 || !m.find(at)) {
            throw new IOException("no label 'line' of edge node " + node + " in " + file);
        }
        String value = csv ? ";line=" + VALUE : "line: \"" + VALUE + "\"";
        String edited = text.substring(0, m.start()) + value + text.substring(m.end());
        return new OneEdgeChange(file, node, original, edited.getBytes(StandardCharsets.UTF_8));
    }

    String node() {
        return node;
    }

    void apply() throws IOException {
        Files.write(file, changed);
    }

    void restore() throws IOException {
        Files.write(file, original);
    }

    /**
     * Why the files a generate touched (see {@link Trees#touched}) are not what this change must write, or null
     * when they are: at least one file under {@code edge/NODE/}, no file of another node's directory ({@code
     * edge/X/}, {@code nodes/X/}); site-wide files that list the edge nodes may change with it. {@code reported}
     * is what the generator says it wrote: the paths (in process), or only their count from the summary line.
     */
    String problem(SortedSet<String> touched, List<String> reportedPaths, int reportedCount) {
        String own = "edge/" + node + "/";
        List<String> foreign = touched.stream().filter(p -> {
            Matcher m = PER_NODE.matcher(p);
            return m.find() && !p.startsWith(own);
        }).toList();
        if (!foreign.isEmpty()) {
            return "the one-edge change of " + node + " also touched " + foreign.size() + " file(s) of other nodes, e.g. "
                    + foreign.get(0);
        }
        if (touched.stream().noneMatch(p -> p.startsWith(own))) {
            return "the one-edge change of " + node + " touched none of its files under " + own;
        }
        if (reportedPaths != null && !touched.equals(new TreeSet<>(reportedPaths))) {
            return "the one-edge change of " + node + " reported " + reportedPaths + " written but touched " + touched;
        }
        if (reportedCount != touched.size()) {
            return "the one-edge change of " + node + " reported " + reportedCount + " written but touched "
                    + touched.size() + " file(s): " + touched;
        }
        return null;
    }
}
