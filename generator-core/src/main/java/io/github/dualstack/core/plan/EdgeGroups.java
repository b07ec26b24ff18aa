package io.github.dualstack.core.plan;

import io.github.dualstack.core.Sha256;
import io.github.dualstack.core.model.EdgeNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Map<String, List<String>> byLabel = byLabel(edges);
        return groups(byLabel, names(byLabel.keySet()));
    }

    /**
     * The same of some of the fleet's {@code nodes} (the hosts of one inventory file), under the fleet's group
     * {@code names} ({@link #names}), which other nodes' labels can change.
     */
    static SortedMap<String, List<String>> of(List<EdgeNode> nodes, Map<String, String> names) {
        return groups(byLabel(nodes), names);
    }

    /** key=value -> nodes; hashed, and each list sorted once: cheaper than a sorted set per label at 100,000 nodes. */
    private static Map<String, List<String>> byLabel(List<EdgeNode> nodes) {
        Map<String, List<String>> byLabel = new HashMap<>();
        for (EdgeNode e : nodes) {
            e.labels().forEach((k, v) -> byLabel.computeIfAbsent(label(k, v), x -> new ArrayList<>()).add(e.name()));
        }
        return byLabel;
    }

    private static SortedMap<String, List<String>> groups(Map<String, List<String>> byLabel, Map<String, String> names) {
        SortedMap<String, List<String>> groups = new TreeMap<>();
        new TreeMap<>(byLabel).forEach((label, nodes) ->   // in label order: the same names whatever the hashing
                groups.put(names.get(label), nodes.stream().sorted().distinct().toList()));
        return groups;
    }

    /** A label as {@link #names} takes it: {@code key=value}. */
    static String label(String key, String value) {
        return key + "=" + value;
    }

    /**
     * The group name of each of the fleet's {@code labels} ({@link #label}): a suffix tells apart two labels that
     * would share a name, so a label's group name depends on every label of the fleet.
     */
    static Map<String, String> names(Set<String> labels) {
        Map<String, Integer> uses = new HashMap<>();
        for (String label : labels) {
            uses.merge(plain(label), 1, Integer::sum);
        }
        Map<String, String> names = new HashMap<>(labels.size() * 2);
        for (String label : labels) {
            String name = plain(label);
            names.put(label, uses.get(name) > 1 ? name + "_" + hash(label) : name);
        }
        return names;
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
