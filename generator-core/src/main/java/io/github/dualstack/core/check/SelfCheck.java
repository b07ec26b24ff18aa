package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.plan.FileKind;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads every rendered file back before anything is written and checks it by its {@link FileKind}: text hygiene
 * (UTF-8, LF, final newline, no control characters), scripts, strict YAML (no duplicate keys, anchors, aliases or
 * tags; one document except for Kubernetes manifests), the structure of Kubernetes objects and kustomize files,
 * the keys of Helm values files against the cloudcore chart's value paths,
 * the KubeEdge configs against {@code schemas/cloudcore.schema.json} and {@code schemas/edgecore.schema.json}
 * plus the KubeEdge rules a schema cannot say, the Calico operator's objects against the schemas derived from
 * their CRDs, and kubeadm configurations against {@code schemas/kubeadm.schema.json} plus kubeadm's networking
 * rules. All problems of a file are reported at once. A failure is a bug in
 * dualstack or in a template override, never a descriptor problem.
 *
 * <p>Thread-safe: the schemas and the YAML reader are built once and only read afterwards.
 */
public final class SelfCheck {

    static final String CLOUDCORE_SCHEMA = "/io/github/dualstack/schemas/cloudcore.schema.json";
    static final String EDGECORE_SCHEMA = "/io/github/dualstack/schemas/edgecore.schema.json";
    static final String INSTALLATION_SCHEMA = "/io/github/dualstack/schemas/calico-installation.schema.json";
    static final String IPPOOL_SCHEMA = "/io/github/dualstack/schemas/calico-ippool.schema.json";
    static final String KUBEADM_SCHEMA = "/io/github/dualstack/schemas/kubeadm.schema.json";

    /** Built once per JVM on first use; every field is immutable or safe for concurrent use. */
    private static final class Shared {
        static final YamlFiles YAML = new YamlFiles();
        static final CloudCoreConfigs CLOUDCORE = new CloudCoreConfigs(KubeEdgeSchema.load(CLOUDCORE_SCHEMA), YAML);
        static final EdgeCoreConfigs EDGECORE = new EdgeCoreConfigs(KubeEdgeSchema.load(EDGECORE_SCHEMA));
        static final CalicoObjects CALICO = new CalicoObjects(KubeEdgeSchema.load(INSTALLATION_SCHEMA),
                KubeEdgeSchema.load(IPPOOL_SCHEMA));
        static final KubeadmConfigs KUBEADM = new KubeadmConfigs(KUBEADM_SCHEMA);
    }

    private final YamlFiles yaml;
    private final CloudCoreConfigs cloudCore;
    private final EdgeCoreConfigs edgeCore;
    private final CalicoObjects calico;
    private final KubeadmConfigs kubeadm;

    /** Loads and compiles the schemas (once per JVM); fails fast if they are missing from the classpath. */
    public SelfCheck() {
        this.yaml = Shared.YAML;
        this.cloudCore = Shared.CLOUDCORE;
        this.edgeCore = Shared.EDGECORE;
        this.calico = Shared.CALICO;
        this.kubeadm = Shared.KUBEADM;
    }

    /** Checks one rendered file at {@code path}; throws with every problem found, or returns if there is none. */
    public void check(String path, byte[] content, FileKind kind) throws SelfCheckException {
        Findings out = new Findings();
        String text = TextHygiene.decode(content, out);
        if (text != null) {
            switch (kind) {
                case KUBERNETES -> {
                    List<JsonNode> docs = yaml.read(text, true, out);
                    if (docs != null) {
                        KubernetesObjects.check(docs, out);
                    }
                }
                case CALICO -> {
                    List<JsonNode> docs = yaml.read(text, true, out);
                    if (docs != null) {
                        calico.check(docs, out);
                    }
                }
                case KUBEADM_CONFIG -> {
                    List<JsonNode> docs = yaml.read(text, true, out);
                    if (docs != null) {
                        kubeadm.check(docs, out);
                    }
                }
                case KUSTOMIZE -> one(text, out, doc -> Kustomizations.check(doc, out));
                case CLOUDCORE_CONFIGMAP -> one(text, out, doc -> cloudCore.check(doc, out));
                case HELM_VALUES -> one(text, out, doc -> HelmValues.check(doc, out));
                case EDGECORE_CONFIG -> one(text, out, doc -> edgeCore.check(doc, out));
                case SCRIPT -> ShellScripts.check(text, out);
                case SYSTEM_CONFIG, DOCUMENT -> TextHygiene.check(text, true, out);
                case ANSIBLE -> AnsibleFiles.check(text, out);
                default -> out.add("has file kind " + kind + ", which the self-check does not know");
            }
        }
        if (!out.isEmpty()) {
            throw new SelfCheckException(path, out.list());
        }
    }

    /** Reads a single-document YAML file and checks its document, if it has exactly one. */
    private void one(String text, Findings out, Consumer<JsonNode> check) {
        List<JsonNode> docs = yaml.read(text, false, out);
        if (docs != null) {
            check.accept(docs.get(0));
        }
    }
}
