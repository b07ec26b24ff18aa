package io.github.dualstack.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.baseline.BaselineLayout.NodeFile;
import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.model.Calico;
import io.github.dualstack.core.model.ClusterNode;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.rules.Printable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the baseline directory that a descriptor names into a {@link Baseline}, as strictly as the descriptor: the
 * directory must lie inside the descriptor's, every file in it is a regular file of bounded size, UTF-8 and strict
 * YAML, every file the descriptor makes necessary is there, and every file has the shape its readers rely on.
 * All problems come at once, one line each, located at {@code baseline/<path>:line:column} (the directory as the
 * descriptor names it), or in the descriptor at {@code spec.baseline.directory} when the directory itself is
 * wrong. With any error there is no baseline.
 */
public final class BaselineLoader {

    /** The limit on every captured file but the nodes list: ConfigMaps are at most 1 MiB, manifests far less. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    private static final FieldPath REFERENCE = FieldPath.of("spec.baseline.directory");
    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column);

    /** The baseline (empty when any error was found) and every problem, the descriptor's first, then per file. */
    public record Result(Optional<Baseline> baseline, List<Problem> problems) {
        public boolean ok() {
            return baseline.isPresent();
        }
    }

    /** The nodes a captured nodes list names (empty when there is no list) and its problems. */
    public record Listing(Optional<List<CaptureCommands.ListedNode>> nodes, List<Problem> problems) {
    }

    private final CapturedReader reader;

    /** {@code maxNodesBytes}: the nodes list's limit (the descriptor's); {@code limitOption}: how it is raised. */
    public BaselineLoader(long maxNodesBytes, String limitOption) {
        this.reader = new CapturedReader(MAX_FILE_BYTES, maxNodesBytes, limitOption);
    }

    /**
     * The baseline of {@code site}, which names it; {@code descriptor} is the descriptor's path (the directory is
     * relative to its directory), shown as {@code descriptorName} and located by {@code descriptorLocator}.
     */
    public Result load(Path descriptor, String descriptorName, Problems.Locator descriptorLocator, Site site) {
        return load(descriptor, descriptorName, descriptorLocator, site, Optional.empty());
    }

    /** As above, for a run that writes or compares the tree at {@code tree}, which must not overlap the baseline. */
    public Result load(Path descriptor, String descriptorName, Problems.Locator descriptorLocator, Site site,
                       Optional<Path> tree) {
        String name = site.baseline().orElseThrow(() -> new IllegalArgumentException("the site names no baseline"))
                .directory();
        Problems reference = new Problems(descriptorName, descriptorLocator);
        Path dir = directory(descriptor, name, reference);
        if (dir != null && tree.isPresent() && overlap(dir, tree.get())) {
            reference.error(REFERENCE, "the baseline directory " + name + " and the tree " + tree.get()
                    + " overlap; keep the captured files and the generated ones apart");
            dir = null;
        }
        if (dir == null) {
            return new Result(Optional.empty(), printable(reference.list()));
        }
        Walk walk = new Walk(dir, name, site);
        Baseline baseline = walk.run();
        List<Problem> problems = new ArrayList<>(printable(walk.problems));
        problems.sort(ORDER);
        boolean errors = problems.stream().anyMatch(Problem::isError);
        return new Result(errors ? Optional.empty() : Optional.of(baseline), List.copyOf(problems));
    }

    /**
     * For {@code dualstack init}, which has no descriptor yet: the baseline at {@code directory} (a directory; shown
     * as {@code shown}), every file in it read and checked as strictly as for a descriptor, its control-plane and
     * edge nodes those of its nodes list (by their {@code node-role.kubernetes.io} labels). Only what init cannot
     * start from is required: {@value #INIT_REQUIRED}; a node name no Kubernetes node can have is an error. What a
     * descriptor made from it will need besides is a warning, and CloudCore's objects must share a namespace.
     */
    public Result loadForInit(Path directory, String shown) {
        Walk walk = new Walk(directory, shown, null);
        Baseline baseline = walk.run();
        List<Problem> problems = new ArrayList<>(printable(walk.problems));
        problems.sort(ORDER);
        boolean errors = problems.stream().anyMatch(Problem::isError);
        return new Result(errors ? Optional.empty() : Optional.of(baseline), List.copyOf(problems));
    }

    /** What init requires of a baseline, as its loader's problems say it. */
    static final String INIT_REQUIRED = "cluster/nodes.yaml, cluster/kubernetes.service.yaml,"
            + " cluster/kubeadm-config.configmap.yaml and one control-plane node's kube-apiserver.yaml";

    /** The cluster files init cannot start without. */
    private static final Set<ClusterFile> INIT_NEEDS = Set.of(ClusterFile.NODES, ClusterFile.KUBERNETES_SERVICE,
            ClusterFile.KUBEADM_CONFIG);

    /**
     * The nodes of {@code directory}'s captured nodes list, if there is one; {@code shown}: the directory as
     * problems name it.
     */
    public Listing listedNodes(Path directory, String shown) {
        Path file = directory.resolve(ClusterFile.NODES.path());
        List<Problem> problems = new ArrayList<>();
        try {
            if (SafeFiles.kind(file) == SafeFiles.Kind.ABSENT) {
                return new Listing(Optional.empty(), List.of());
            }
        } catch (IOException e) {
            problems.add(fileProblem(shown + "/" + ClusterFile.NODES.path(), Problem.Severity.ERROR,
                    "cannot be read: " + CapturedReader.reason(e)));
            return new Listing(Optional.empty(), printable(problems));
        }
        CapturedReader.Read read = reader.yaml(file, shown + "/" + ClusterFile.NODES.path(), true, problems);
        if (read == null) {
            return new Listing(Optional.empty(), printable(problems));
        }
        Problems shape = read.checking().problems();
        Shapes.cluster(ClusterFile.NODES, read.checking().tree(), CaptureCommands.DEFAULT_CLOUDCORE_NAMESPACE, shape);
        problems.addAll(shape.list());
        problems.sort(ORDER);
        return new Listing(shape.hasErrors() ? Optional.empty() : Optional.of(NodesList.listed(read.kept().tree())),
                printable(problems));
    }

    /** The directory, real and inside the descriptor's; null after reporting why not. */
    private static Path directory(Path descriptor, String name, Problems reference) {
        Path base = descriptor.toAbsolutePath().normalize().getParent();
        Path dir = base.resolve(name).normalize();
        if (Path.of(name).isAbsolute() || !dir.startsWith(base) || dir.equals(base)) {
            // the schema's pattern refuses these already; a second guard where the path is made
            reference.error(REFERENCE, "must be a directory inside the descriptor's directory, like baseline");
            return null;
        }
        try {
            SafeFiles.Kind kind = SafeFiles.kind(dir, true);
            if (kind == SafeFiles.Kind.ABSENT) {
                reference.error(REFERENCE, "the baseline directory " + name + " does not exist beside the descriptor;"
                        + " dualstack capture --baseline " + name + " prints the commands that capture it");
                return null;
            }
            if (kind != SafeFiles.Kind.DIRECTORY) {
                reference.error(REFERENCE, "the baseline " + name + " " + kind.phrase() + ", not a directory");
                return null;
            }
            Path real = dir.toRealPath();
            Path realBase = base.toRealPath();
            if (!real.startsWith(realBase) || real.equals(realBase)) {
                reference.error(REFERENCE, "the baseline directory " + name + " leads through a symbolic link to "
                        + real + ", outside the descriptor's directory; it must be inside it");
                return null;
            }
            return real;
        } catch (IOException e) {
            reference.error(REFERENCE, "the baseline directory " + name + " cannot be read: " + CapturedReader.reason(e));
            return null;
        }
    }

    /** Whether one of the real directory {@code dir} and the tree (which may not exist yet) holds the other. */
    private static boolean overlap(Path dir, Path tree) {
        Path t = tree.toAbsolutePath().normalize();
        try {
            t = Files.exists(t) ? t.toRealPath() : t;
        } catch (IOException e) {
            // compare as written
        }
        return t.startsWith(dir) || dir.startsWith(t);
    }

    /** What a baseline never holds: anything but regular files and directories. */
    static String notRegular(SafeFiles.Kind kind) {
        return kind.phrase() + "; a baseline holds regular files only (it is committed to git and read as"
                + " untrusted input)";
    }

    private static Problem fileProblem(String file, Problem.Severity severity, String message) {
        return new Problem(file, 1, 1, "", severity, message);
    }

    /** Names and messages quote file names and keys, which may hold line breaks or escapes: one line each. */
    private static List<Problem> printable(List<Problem> in) {
        return in.stream().map(p -> new Problem(Printable.escape(p.file()), p.line(), p.column(),
                Printable.escape(p.path()), p.severity(), Printable.escape(p.message()))).toList();
    }

    /**
     * One pass over the directory: what is there, what is missing, each file read and checked; against the
     * descriptor's {@code site}, or, for init ({@code site} null), against the directory's own nodes list.
     */
    private final class Walk {
        private final Path dir;
        private final String name;
        private final Site site;
        private final boolean init;
        private final CaptureCommands commands;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<ClusterFile, CapturedFile> cluster = new EnumMap<>(ClusterFile.class);
        private final Map<Embedded, CapturedFile> embedded = new EnumMap<>(Embedded.class);
        private final SortedMap<String, Baseline.ControlPlaneFiles> controlPlane = new TreeMap<>();
        private final SortedMap<String, CapturedFile> edgeNodes = new TreeMap<>();
        private Optional<CapturedFile> edgeDefault = Optional.empty();

        Walk(Path dir, String name, Site site) {
            this.dir = dir;
            this.name = name;
            this.site = site;
            this.init = site == null;
            this.commands = new CaptureCommands(name, init ? CaptureCommands.DEFAULT_CLOUDCORE_NAMESPACE
                    : site.cloudCore().namespace());
        }

        Baseline run() {
            Map<String, SafeFiles.Kind> top = entries("");
            for (Map.Entry<String, SafeFiles.Kind> e : top.entrySet()) {
                boolean known = e.getKey().equals(BaselineLayout.CLUSTER) || e.getKey().equals(BaselineLayout.CONTROL_PLANE)
                        || e.getKey().equals(BaselineLayout.EDGE);
                boolean notes = e.getKey().equals(BaselineLayout.README) && e.getValue() == SafeFiles.Kind.REGULAR;
                if (!notes && (!known || e.getValue() != SafeFiles.Kind.DIRECTORY)) {
                    unknown(e.getKey(), e.getValue(), known);
                }
            }
            cluster(directoryEntries(top, BaselineLayout.CLUSTER));
            controlPlane(directoryEntries(top, BaselineLayout.CONTROL_PLANE));
            edge(directoryEntries(top, BaselineLayout.EDGE));
            return new Baseline(name, Collections.unmodifiableMap(cluster),
                    Collections.unmodifiableSortedMap(controlPlane), edgeDefault,
                    Collections.unmodifiableSortedMap(edgeNodes), Collections.unmodifiableMap(embedded));
        }

        private void cluster(Map<String, SafeFiles.Kind> files) {
            boolean calico = init ? Stream.of(ClusterFile.CALICO_CONFIG, ClusterFile.CALICO_NODE,
                    ClusterFile.CALICO_INSTALLATION, ClusterFile.CALICO_POOLS)
                    .anyMatch(f -> files.containsKey(f.fileName())) : site.calico().isPresent();
            // init reads who installed Calico from the capture; validate and generate from the descriptor, whose
            // guards refuse a baseline that disagrees (LiveSiteRules).
            boolean operator = init ? files.containsKey(ClusterFile.CALICO_INSTALLATION.fileName())
                    : site.calico().map(Calico::operator).orElse(false);
            Set<String> known = new HashSet<>();
            for (ClusterFile f : ClusterFile.values()) {
                known.add(f.fileName());
                SafeFiles.Kind kind = files.get(f.fileName());
                if (kind == null) {
                    String calicoSource = init ? "Calico files are captured" : "the descriptor has spec.calico";
                    String why = switch (f.needed()) {
                        case ALWAYS -> "";
                        case CALICO_MANIFEST -> !calico || operator ? null : init ? " (" + calicoSource
                                + ", and without " + ClusterFile.CALICO_INSTALLATION.path() + " Calico counts as"
                                + " installed from its manifest)" : " (" + calicoSource + ", installed from its manifest"
                                + (files.containsKey(ClusterFile.CALICO_INSTALLATION.fileName()) ? ", but the baseline"
                                + " holds the Tigera operator's " + ClusterFile.CALICO_INSTALLATION.path() + ": if the"
                                + " operator installed Calico, set spec.calico.installedBy: operator)"
                                : ": spec.calico.installedBy)");
                        case CALICO_OPERATOR -> calico && operator && !init
                                ? " (spec.calico.installedBy is operator)" : null;
                        case CALICO -> calico ? " (" + calicoSource + ")" : null;
                        case OPTIONAL -> null;
                    };
                    if (why != null && init && INIT_NEEDS.contains(f)) {
                        error(f.path(), "missing; init reads the running site from it; capture it with: "
                                + commands.cluster(f));
                    } else if (why != null && init) {
                        warn(f.path(), "missing" + why + "; validate and generate will need it; capture it with: "
                                + commands.cluster(f));
                    } else if (why != null) {
                        error(f.path(), "missing" + why + "; capture it with: " + commands.cluster(f));
                    }
                } else if (kind != SafeFiles.Kind.REGULAR) {
                    error(f.path(), kind == SafeFiles.Kind.DIRECTORY ? "is a directory, not the captured file"
                            : notRegular(kind));
                } else {
                    read(f);
                }
            }
            unknownIn(BaselineLayout.CLUSTER, files, known);
            if (init) {
                nodeNames();
                sameCloudCoreNamespace();
            }
        }

        /** Init takes node names from the nodes list into paths and the descriptor: each must be a node's. */
        private void nodeNames() {
            CapturedFile nodes = cluster.get(ClusterFile.NODES);
            if (nodes == null) {
                return;
            }
            Problems names = nodes.problems();
            JsonNode items = nodes.tree().path("items");
            for (int i = 0; i < items.size(); i++) {
                String node = items.get(i).path("metadata").path("name").asText();
                if (!CaptureCommands.isNodeName(node)) {
                    names.error(FieldPath.ROOT.child("items").index(i).child("metadata").child("name"),
                            Printable.quote(node, 80) + " is no name a Kubernetes node can have (a DNS-1123"
                                    + " subdomain), so this is not what kubectl get nodes printed");
                }
            }
            problems.addAll(names.list());
        }

        /** CloudCore's objects live in one namespace, which init takes from them. */
        private void sameCloudCoreNamespace() {
            String first = null;
            String firstFile = null;
            for (ClusterFile f : List.of(ClusterFile.CLOUDCORE_CONFIG, ClusterFile.CLOUDCORE_SERVICE,
                    ClusterFile.CLOUDCORE_DEPLOYMENT)) {
                CapturedFile captured = cluster.get(f);
                if (captured == null) {
                    continue;
                }
                JsonNode ns = captured.tree().path("metadata").path("namespace");
                Problems p = captured.problems();
                if (!ns.isTextual() || ns.textValue().isEmpty()) {
                    p.error(FieldPath.of("metadata.namespace"), "is required: CloudCore's " + f.kind()
                            + " lives in a namespace, and init takes spec.cloudCore.namespace from it");
                } else if (first == null) {
                    first = ns.textValue();
                    firstFile = f.path();
                } else if (!ns.textValue().equals(first)) {
                    p.error(FieldPath.of("metadata.namespace"), "must be " + first + ", the namespace of " + firstFile
                            + ": CloudCore's objects live in one namespace");
                }
                problems.addAll(p.list());
            }
        }

        /** The nodes of the captured nodes list with a role label, by name; none when it was not read. */
        private Set<String> listed(Predicate<LiveState.LiveNode> role) {
            Set<String> out = new TreeSet<>();
            if (cluster.containsKey(ClusterFile.NODES)) {
                Baseline nodesOnly = new Baseline(name, Map.of(ClusterFile.NODES, cluster.get(ClusterFile.NODES)),
                        Collections.emptySortedMap(), Optional.empty(), Collections.emptySortedMap());
                new LiveState(nodesOnly).nodes().stream().filter(role).map(LiveState.LiveNode::name)
                        .filter(CaptureCommands::isNodeName).forEach(out::add);
            }
            return out;
        }

        private void read(ClusterFile f) {
            CapturedReader.Read read = reader.yaml(dir.resolve(f.path()), shown(f.path()), f == ClusterFile.NODES,
                    problems);
            if (read == null) {
                return;
            }
            Problems shape = read.checking().problems();
            Shapes.cluster(f, read.checking().tree(), init ? null : site.cloudCore().namespace(), shape);
            problems.addAll(shape.list());
            if (shape.hasErrors()) {
                return;
            }
            cluster.put(f, read.kept());
            for (Embedded e : Embedded.values()) {
                if (e.file() != f) {
                    continue;
                }
                CapturedReader.Document doc = reader.embedded(read, e, problems);
                if (doc != null) {
                    Problems inner = doc.checking().problems();
                    Shapes.embedded(e, doc.checking().tree(), inner);
                    problems.addAll(inner.list());
                    embedded.put(e, doc.kept());
                }
            }
        }

        private void controlPlane(Map<String, SafeFiles.Kind> entries) {
            if (init && !cluster.containsKey(ClusterFile.NODES)) {
                return;   // which nodes there are is the nodes list's, which has its problem already
            }
            Set<String> nodes = init ? listed(LiveState.LiveNode::controlPlane)
                    : site.nodes().stream().filter(n -> n.role() == ClusterNode.Role.CONTROL_PLANE)
                    .map(ClusterNode::name).collect(Collectors.toCollection(TreeSet::new));
            for (Map.Entry<String, SafeFiles.Kind> e : entries.entrySet()) {
                String rel = BaselineLayout.CONTROL_PLANE + "/" + e.getKey();
                if (e.getValue() != SafeFiles.Kind.DIRECTORY) {
                    unknown(rel, e.getValue(), false);
                } else if (!nodes.contains(e.getKey()) && init) {
                    warn(rel, "is not a control-plane node of " + ClusterFile.NODES.path() + " (labelled "
                            + CaptureCommands.CONTROL_PLANE_LABEL + "); ignored, and validate will refuse it:"
                            + " remove it");
                } else if (!nodes.contains(e.getKey())) {
                    error(rel, "is not a control-plane node of the descriptor (" + (nodes.isEmpty() ? "it has none"
                            : "spec.nodes with role control-plane: " + String.join(", ", nodes))
                            + "); remove the directory, or add the node to the descriptor");
                }
            }
            for (String node : nodes) {
                String rel = BaselineLayout.CONTROL_PLANE + "/" + node;
                if (entries.get(node) == SafeFiles.Kind.DIRECTORY) {
                    node(node, entries(rel));
                } else if (!entries.containsKey(node) && init) {
                    warn(rel, "missing: the control-plane node " + node + " has no captured files; validate and"
                            + " generate will need them; capture them with: " + commands.controlPlane(node));
                } else if (!entries.containsKey(node)) {
                    error(rel, "missing: the descriptor's control-plane node " + node + " has no captured files;"
                            + " capture them with: " + commands.controlPlane(node));
                }
            }
            if (init && cluster.containsKey(ClusterFile.NODES)
                    && controlPlane.values().stream().allMatch(n -> n.manifest(NodeFile.KUBE_APISERVER).isEmpty())) {
                error(BaselineLayout.CONTROL_PLANE, "holds no control-plane node's "
                        + NodeFile.KUBE_APISERVER.fileName() + " (" + (nodes.isEmpty() ? ClusterFile.NODES.path()
                        + " lists no node labelled " + CaptureCommands.CONTROL_PLANE_LABEL : "nodes labelled "
                        + CaptureCommands.CONTROL_PLANE_LABEL + ": " + String.join(", ", nodes))
                        + "); init reads the running service ranges from it; dualstack capture --baseline " + name
                        + " prints the command for each control-plane node");
            }
        }

        private void node(String node, Map<String, SafeFiles.Kind> files) {
            Map<NodeFile, CapturedFile> manifests = new EnumMap<>(NodeFile.class);
            Map<NodeFile, CapturedText> texts = new EnumMap<>(NodeFile.class);
            Set<String> known = new HashSet<>();
            for (NodeFile f : NodeFile.values()) {
                known.add(f.fileName());
                String rel = f.path(node);
                SafeFiles.Kind kind = files.get(f.fileName());
                if (kind == null) {
                    if (f.required() && init) {
                        warn(rel, "missing; validate and generate will need it; capture the node's files with: "
                                + commands.controlPlane(node));
                    } else if (f.required()) {
                        error(rel, "missing; capture the node's files with: " + commands.controlPlane(node));
                    }
                } else if (kind != SafeFiles.Kind.REGULAR) {
                    error(rel, kind == SafeFiles.Kind.DIRECTORY ? "is a directory, not the captured file"
                            : notRegular(kind));
                } else if (f.yaml()) {
                    CapturedReader.Read read = reader.yaml(dir.resolve(rel), shown(rel), false, problems);
                    if (read != null) {
                        Problems shape = read.checking().problems();
                        Shapes.staticPod(read.checking().tree(), f.fileName().replace(".yaml", ""), shape);
                        problems.addAll(shape.list());
                        manifests.put(f, read.kept());
                    }
                } else {
                    CapturedText text = reader.text(dir.resolve(rel), shown(rel), problems);
                    if (text != null && textShape(f, node, text)) {
                        texts.put(f, text);
                    }
                }
            }
            unknownIn(BaselineLayout.CONTROL_PLANE + "/" + node, files, known);
            controlPlane.put(node, new Baseline.ControlPlaneFiles(node, Collections.unmodifiableMap(manifests),
                    Collections.unmodifiableMap(texts)));
        }

        /** Whether a captured text is what its command prints; reports what it is not. */
        private boolean textShape(NodeFile f, String node, CapturedText text) {
            String again = "; capture the node's files again (dualstack capture prints the command for " + node + ")";
            String rel = f.path(node);
            if (text.text().isBlank()) {
                error(rel, "is empty" + again);
                return false;
            }
            if (f == NodeFile.KUBELET_UNIT && text.text().lines().noneMatch(l -> l.strip().equals("[Service]"))) {
                error(rel, "holds no [Service] section, so it is not what systemctl cat kubelet prints" + again);
                return false;
            }
            if (f == NodeFile.APISERVER_SANS && !text.text().contains("Subject Alternative Name")) {
                error(rel, "holds no Subject Alternative Name, so it is not what openssl x509 -noout -ext"
                        + " subjectAltName prints (OpenSSL 1.1.1 or newer)" + again);
                return false;
            }
            return true;
        }

        private void edge(Map<String, SafeFiles.Kind> entries) {
            if (init && !cluster.containsKey(ClusterFile.NODES)) {
                return;
            }
            Set<String> edges = init ? listed(LiveState.LiveNode::edge)
                    : site.edgeNodes().stream().map(EdgeNode::name).collect(Collectors.toSet());
            List<String> own = new ArrayList<>();
            for (Map.Entry<String, SafeFiles.Kind> e : entries.entrySet()) {
                String rel = BaselineLayout.EDGE + "/" + e.getKey();
                if (e.getKey().equals(BaselineLayout.EDGECORE)) {
                    if (e.getValue() != SafeFiles.Kind.REGULAR) {
                        error(rel, e.getValue() == SafeFiles.Kind.DIRECTORY ? "is a directory, not the captured file"
                                : notRegular(e.getValue()));
                    } else {
                        edgeDefault = Optional.ofNullable(edgeCore(rel, problems));
                    }
                } else if (e.getValue() != SafeFiles.Kind.DIRECTORY) {
                    unknown(rel, e.getValue(), false);
                } else if (!edges.contains(e.getKey())) {
                    warn(rel, init ? "is not an edge node of " + ClusterFile.NODES.path() + " (labelled "
                            + LiveState.EDGE_ROLE + "); ignored" : "is not an edge node of the descriptor; ignored");
                } else {
                    own.add(e.getKey());
                }
            }
            // Fleets have many edges: their files are read on every core, each one's problems kept apart.
            List<EdgeRead> reads = own.parallelStream().map(this::edgeNode).toList();
            for (EdgeRead r : reads) {
                problems.addAll(r.problems());
                if (r.file() != null) {
                    edgeNodes.put(r.node(), r.file());
                }
            }
        }

        private record EdgeRead(String node, CapturedFile file, List<Problem> problems) {
        }

        private EdgeRead edgeNode(String node) {
            List<Problem> found = new ArrayList<>();
            String rel = BaselineLayout.EDGE + "/" + node;
            Map<String, SafeFiles.Kind> files = entries(rel, found);
            SafeFiles.Kind kind = files.get(BaselineLayout.EDGECORE);
            CapturedFile file = null;
            if (kind == null) {
                found.add(fileProblem(shown(rel), Problem.Severity.WARNING, "holds no " + BaselineLayout.EDGECORE
                        + "; ignored"));
            } else if (kind != SafeFiles.Kind.REGULAR) {
                found.add(fileProblem(shown(BaselineLayout.edgeNode(node)), Problem.Severity.ERROR,
                        kind == SafeFiles.Kind.DIRECTORY ? "is a directory, not the captured file" : notRegular(kind)));
            } else {
                file = edgeCore(BaselineLayout.edgeNode(node), found);
            }
            for (Map.Entry<String, SafeFiles.Kind> e : files.entrySet()) {
                if (!e.getKey().equals(BaselineLayout.EDGECORE)) {
                    found.add(unknownProblem(rel + "/" + e.getKey(), e.getValue(), false));
                }
            }
            return new EdgeRead(node, file, found);
        }

        private CapturedFile edgeCore(String rel, List<Problem> out) {
            CapturedReader.Read read = reader.yaml(dir.resolve(rel), shown(rel), false, out);
            if (read == null) {
                return null;
            }
            Problems shape = read.checking().problems();
            Shapes.edgeCore(read.checking().tree(), shape);
            out.addAll(shape.list());
            return shape.hasErrors() ? null : read.kept();
        }

        /** The entries of a known directory of the top level; none when it is not there (or is no directory). */
        private Map<String, SafeFiles.Kind> directoryEntries(Map<String, SafeFiles.Kind> top, String sub) {
            return top.get(sub) == SafeFiles.Kind.DIRECTORY ? entries(sub) : Map.of();
        }

        private Map<String, SafeFiles.Kind> entries(String rel) {
            return entries(rel, problems);
        }

        /** What a directory holds, by name (sorted), as lstat sees it: a link is a link, never followed. */
        private Map<String, SafeFiles.Kind> entries(String rel, List<Problem> out) {
            Path d = rel.isEmpty() ? dir : dir.resolve(rel);
            Map<String, SafeFiles.Kind> found = new TreeMap<>();
            try (DirectoryStream<Path> list = Files.newDirectoryStream(d)) {
                for (Path p : list) {
                    found.put(p.getFileName().toString(), SafeFiles.kind(p));
                }
            } catch (IOException e) {
                out.add(fileProblem(rel.isEmpty() ? name : shown(rel), Problem.Severity.ERROR,
                        "cannot be listed: " + CapturedReader.reason(e)));
            }
            return found;
        }

        private void unknownIn(String rel, Map<String, SafeFiles.Kind> files, Set<String> known) {
            for (Map.Entry<String, SafeFiles.Kind> e : files.entrySet()) {
                if (!known.contains(e.getKey())) {
                    unknown(rel + "/" + e.getKey(), e.getValue(), false);
                }
            }
        }

        private void unknown(String rel, SafeFiles.Kind kind, boolean knownName) {
            problems.add(unknownProblem(rel, kind, knownName));
        }

        /**
         * A link or special file anywhere is an error; a known name of the wrong kind too; any other file or
         * directory dualstack does not read is a warning, and is not read.
         */
        private Problem unknownProblem(String rel, SafeFiles.Kind kind, boolean knownName) {
            if (kind != SafeFiles.Kind.REGULAR && kind != SafeFiles.Kind.DIRECTORY) {
                return fileProblem(shown(rel), Problem.Severity.ERROR, notRegular(kind));
            }
            if (knownName) {
                return fileProblem(shown(rel), Problem.Severity.ERROR, "must be a directory");
            }
            return fileProblem(shown(rel), Problem.Severity.WARNING, "is not part of a baseline; ignored (dualstack"
                    + " capture prints what a baseline holds)");
        }

        private void error(String rel, String message) {
            problems.add(fileProblem(shown(rel), Problem.Severity.ERROR, message));
        }

        private void warn(String rel, String message) {
            problems.add(fileProblem(shown(rel), Problem.Severity.WARNING, message));
        }

        private String shown(String rel) {
            return name + "/" + rel;
        }
    }
}
