package io.github.dualstack.core.plan;

import io.github.dualstack.core.Sha256;
import io.github.dualstack.core.model.EdgeNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one place that groups edge nodes for fleet tools: every edge node is in {@link #ALL}, and in one group per
 * label, {@code edge_KEY_VALUE}. Ansible takes only letters, digits and underscores in a group name, so every other
 * character becomes an underscore; where two labels would so share a group, each of them gets a suffix of its own
 * (a hash of {@code key=value}) so that a group never holds nodes of another label.
 */
public final class EdgeGroups {

    /** The group of every edge node. */
    public static final String ALL = "kubeedge_edge";

    private EdgeGroups() {
    }

    /** Group name to its nodes' names, both sorted; {@link #ALL} is not among them. */
    public static SortedMap<String, List<String>> of(List<EdgeNode> edges) {
        // key=value -> nodes; hashed, and each list sorted once: cheaper than a sorted set per label at 100,000 nodes
        Map<String, List<String>> byLabel = new HashMap<>();
        for (EdgeNode e : edges) {
            e.labels().forEach((k, v) -> byLabel.computeIfAbsent(k + "=" + v, x -> new ArrayList<>()).add(e.name()));
        }
        Map<String, Integer> uses = new TreeMap<>();
        for (String label : byLabel.keySet()) {
            uses.merge(plain(label), 1, Integer::sum);
        }
        SortedMap<String, List<String>> groups = new TreeMap<>();
        new TreeMap<>(byLabel).forEach((label, nodes) -> {   // in label order: the same names whatever the hashing
            String name = plain(label);
            groups.put(uses.get(name) > 1 ? name + "_" + hash(label) : name, nodes.stream().sorted().distinct().toList());
        });
        return groups;
    }

    private static String plain(String label) {
        int eq = label.indexOf('=');
        return "edge_" + underscores(label.substring(0, eq)) + "_" + underscores(label.substring(eq + 1));
    }

    private static String underscores(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.append(c < 128 && Character.isLetterOrDigit(c) ? (char) c : '_'));
        return sb.toString();
    }

    private static String hash(String label) {
        return Sha256.of(label.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
    }
}
