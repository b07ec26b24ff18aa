package io.github.dualstack.core.baseline;

import io.github.dualstack.core.Problem;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Needed;
import io.github.dualstack.core.baseline.BaselineLayout.NodeFile;
import io.github.dualstack.core.rules.Dns1123;
import io.github.dualstack.core.rules.Printable;
import io.github.dualstack.core.rules.ShellWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shell commands that capture a running site into a baseline directory, as {@code dualstack capture} prints
 * them: one {@code kubectl get -o yaml} per {@link ClusterFile}, one command per control-plane node that copies the
 * node's {@link NodeFile}s over ssh as a tar stream, and the optional edge ones. dualstack itself never talks to a
 * cluster. Every value is one {@link ShellWord}; node names come from a captured file and only names that
 * Kubernetes could have given a node become commands, so no name can run anything or leave the baseline.
 */
public final class CaptureCommands {

    public static final String DEFAULT_DIRECTORY = "baseline";
    public static final String DEFAULT_CLOUDCORE_NAMESPACE = "kubeedge";
    /** The label kubeadm puts on control-plane nodes. */
    public static final String CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";
    /** The label keadm puts on edge nodes. */
    public static final String EDGE_LABEL = "node-role.kubernetes.io/edge";
    /** Where keadm keeps an edge's config. */
    public static final String EDGECORE_SOURCE = "/etc/kubeedge/config/edgecore.yaml";
    /**
     * Blanks {@code modules.edgeHub.token} (the only {@code token} key of edgecore.yaml) before the file is
     * written: the baseline is committed to git.
     */
    static final String BLANK_TOKEN = "s/^\\([[:space:]]*token:\\).*$/\\1 \"\"/";
    /** The shell variable that names an edge node when the nodes list names none. */
    static final String EDGE_NODE_VARIABLE = "EDGE_NODE";

    /** What {@code dualstack capture} prints: the commands, and the problems of a nodes list it could not use. */
    public record Script(String text, List<Problem> problems) {
        public boolean ok() {
            return problems.stream().noneMatch(Problem::isError);
        }
    }

    /** A node of a captured nodes list: its name and labels. */
    public record ListedNode(String name, Map<String, String> labels) {

        public boolean controlPlane() {
            return labels.containsKey(CONTROL_PLANE_LABEL);
        }

        public boolean edge() {
            return labels.containsKey(EDGE_LABEL);
        }
    }

    private final String directory;
    private final String cloudCoreNamespace;

    /**
     * Commands that write into {@code directory} (as they will be run: from the descriptor's directory, the
     * descriptor's {@code spec.baseline.directory}) and read CloudCore's objects from {@code cloudCoreNamespace}.
     */
    public CaptureCommands(String directory, String cloudCoreNamespace) {
        this.directory = directory;
        this.cloudCoreNamespace = cloudCoreNamespace;
    }

    /**
     * {@code kubectl [-n NS] get WHAT -o yaml > DIR/cluster/FILE || rm -f DIR/cluster/FILE}: an object the cluster
     * does not have (the other way of installing Calico, an optional one) leaves no empty file behind.
     */
    public String cluster(ClusterFile file) {
        StringBuilder sb = new StringBuilder("kubectl ");
        file.namespace().ifPresent(ns -> sb.append("-n ").append(ShellWord.quote(ns.equals("cloudcore")
                ? cloudCoreNamespace : ns)).append(' '));
        sb.append("get ");
        for (String word : file.kubectlGet().split(" ")) {
            sb.append(ShellWord.quote(word)).append(' ');
        }
        String to = path(file.path());
        return sb.append("-o yaml > ").append(to).append(" || rm -f ").append(to).toString();
    }

    /**
     * One command that copies {@code node}'s files into {@code DIR/control-plane/NODE/}: over ssh to the node by
     * its name, as a user that may sudo; the node side puts the files in a temporary directory and sends them as a
     * tar stream. {@code node} must be a Kubernetes node name (see {@link #isNodeName}).
     */
    public String controlPlane(String node) {
        requireNodeName(node);
        String into = path(BaselineLayout.CONTROL_PLANE + "/" + node);
        return "mkdir -p " + into + " && ssh -- " + ShellWord.quote(node) + " "
                + ShellWord.quote("sudo sh -c " + ShellWord.quote(nodeScript())) + " | tar -x -f - -C " + into;
    }

    /**
     * The fleet's default edgecore.yaml from {@code edgeNode}, with its join token blanked before it is written;
     * empty {@code edgeNode}: from the node named by the shell variable {@code EDGE_NODE}.
     */
    public String edgeDefault(Optional<String> edgeNode) {
        edgeNode.ifPresent(CaptureCommands::requireNodeName);
        String command = "mkdir -p " + path(BaselineLayout.EDGE) + " && ssh -- "
                + edgeNode.map(ShellWord::quote).orElse("\"$n\"") + " " + edgeRead(path(BaselineLayout.edgeDefault()));
        return edgeNode.isPresent() ? command : fromVariable("an edge node") + command;
    }

    /**
     * One edge's own edgecore.yaml, for the node named by the shell variable {@code EDGE_NODE}, its join token
     * blanked.
     */
    public String edgeNode() {
        String into = path(BaselineLayout.EDGE) + "/\"$n\"";
        return fromVariable("the edge node") + "mkdir -p " + into + " && ssh -- \"$n\" "
                + edgeRead(into + "/" + BaselineLayout.EDGECORE);
    }

    /** {@code n=} the variable's value, or the command stops there saying what to set it to. */
    private static String fromVariable(String what) {
        return "n=\"${" + EDGE_NODE_VARIABLE + ":?set " + EDGE_NODE_VARIABLE + " to the name of " + what + "}\" && ";
    }

    /**
     * Every command, with comments that say what each group needs: the cluster's objects, then, when a nodes list
     * was captured ({@code nodes} present), each control-plane node's files and the edge configs; else a note to
     * run again after the nodes list is captured.
     */
    public String script(Optional<List<ListedNode>> nodes) {
        List<String> lines = new ArrayList<>();
        lines.add("# Capture the running site into " + comment(directory) + "; run from the directory of the site"
                + " descriptor, then commit " + comment(directory) + " to git.");
        lines.add("# The cluster's objects (kubectl with read access to them):");
        lines.add("mkdir -p " + path(BaselineLayout.CLUSTER));
        for (ClusterFile f : ClusterFile.values()) {
            if (f.needed() == Needed.ALWAYS) {
                lines.add(cluster(f));
            }
        }
        lines.add("# With Calico installed from its manifest (calico.yaml):");
        lines.add(cluster(ClusterFile.CALICO_CONFIG));
        lines.add(cluster(ClusterFile.CALICO_NODE));
        lines.add("# With Calico installed by the Tigera operator, instead of the two above:");
        lines.add(cluster(ClusterFile.CALICO_INSTALLATION));
        lines.add("# With Calico, either way:");
        lines.add(cluster(ClusterFile.CALICO_POOLS));
        lines.add("# Optional:");
        for (ClusterFile f : ClusterFile.values()) {
            if (f.needed() == Needed.OPTIONAL) {
                lines.add(cluster(f));
            }
        }
        if (nodes.isEmpty()) {
            lines.add("# Then run dualstack capture again: with " + comment(directory + "/" + ClusterFile.NODES.path())
                    + " captured, it prints the command for each control-plane node and the edge commands.");
            return String.join("\n", lines) + "\n";
        }
        lines.add("# Each control-plane node's manifests, kubelet unit and API server certificate names (ssh to the"
                + " node by its name, as a user that may sudo without a password prompt):");
        List<String> edges = new ArrayList<>();
        int controlPlanes = 0;
        for (ListedNode n : nodes.get()) {
            if (!isNodeName(n.name())) {
                lines.add("# skipped a node whose name no Kubernetes node can have: " + Printable.quote(n.name(), 80));
            } else if (n.controlPlane()) {
                lines.add(controlPlane(n.name()));
                controlPlanes++;
            } else if (n.edge()) {
                edges.add(n.name());
            }
        }
        if (controlPlanes == 0) {
            lines.add("# (" + comment(directory + "/" + ClusterFile.NODES.path()) + " lists no node labelled "
                    + CONTROL_PLANE_LABEL + ")");
        }
        edges.sort(null);
        lines.add("# Optional: the fleet's default edgecore.yaml, from one edge node, its join token blanked:");
        lines.add(edgeDefault(edges.stream().findFirst()));
        lines.add("# Optional: an edge whose edgecore.yaml differs from the fleet's: set " + EDGE_NODE_VARIABLE
                + " to its name, then run this (once per such edge):");
        lines.add(edgeNode());
        return String.join("\n", lines) + "\n";
    }

    /** Whether {@code name} is one Kubernetes accepts for a node (a DNS-1123 subdomain): safe as a path segment. */
    public static boolean isNodeName(String name) {
        return Dns1123.isSubdomain(name);
    }

    /**
     * What runs as root on a control-plane node: its files, by the names the baseline gives them, into a temporary
     * directory, sent as a tar stream. Built from {@link NodeFile}; it holds no single quote, so nested quoting
     * stays readable.
     */
    static String nodeScript() {
        List<String> steps = new ArrayList<>();
        steps.add("set -e");
        steps.add("d=$(mktemp -d)");
        steps.add("trap \"rm -rf $d\" EXIT");
        for (NodeFile f : NodeFile.values()) {
            String to = "\"$d\"/" + f.fileName();
            switch (f) {
                case KUBELET_UNIT -> steps.add("systemctl cat kubelet > " + to);
                case APISERVER_SANS -> steps.add("openssl x509 -in " + ShellWord.quote(f.source().orElseThrow())
                        + " -noout -ext subjectAltName > " + to);
                default -> {
                    String from = ShellWord.quote(f.source().orElseThrow());
                    steps.add(f.required() ? "cp " + from + " " + to : "[ ! -e " + from + " ] || cp " + from + " " + to);
                }
            }
        }
        steps.add("cd \"$d\"");
        steps.add("tar -cf - *");
        return String.join("; ", steps);
    }

    /** The node's edgecore.yaml into {@code to}, token blanked; nothing is left when the node gave nothing. */
    private static String edgeRead(String to) {
        return ShellWord.quote("sudo cat " + EDGECORE_SOURCE) + " | sed -e " + ShellWord.quote(BLANK_TOKEN) + " > " + to
                + " && [ -s " + to + " ] || rm -f " + to;
    }

    /** A path inside the baseline directory as one word. */
    private String path(String inside) {
        return ShellWord.quote(directory + "/" + inside);
    }

    /** A value in a comment line: a line break there would start a command. */
    private static String comment(String s) {
        return Printable.escape(s);
    }

    private static void requireNodeName(String node) {
        if (!isNodeName(node)) {
            throw new IllegalArgumentException("not a node name: " + Printable.quote(node, 80));
        }
    }
}
