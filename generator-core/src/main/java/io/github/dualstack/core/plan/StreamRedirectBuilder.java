package io.github.dualstack.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.plan.view.StreamRedirectServiceView;
import io.github.dualstack.core.plan.view.StreamRedirectTimerView;
import io.github.dualstack.core.plan.view.StreamRedirectView;
import io.github.dualstack.core.rules.KubeEdgeNamespaces;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Per control-plane node, when the site has edge nodes: the script, service and timer that redirect kube-apiserver's
 * dials to an edge node's tunnel port to CloudStream in every family the edges report. KubeEdge's own iptables
 * manager does this with IPv4 iptables only (kubeedge/kubeedge {@code cloud/pkg/cloudstream/iptables/iptables.go},
 * {@code utiliptables.ProtocolIPv4}, v1.20.0 to v1.23.1), and only where CloudCore or its DaemonSet runs, while
 * kube-apiserver runs on every control-plane node.
 */
final class StreamRedirectBuilder implements ArtifactBuilder {

    static final String SCRIPT = "/usr/local/sbin/dualstack-stream-redirect.sh";
    static final String UNIT = "/etc/systemd/system/dualstack-stream-redirect";
    /** Often enough that a restarted CloudCore instance (a new tunnel port) is reachable within a minute. */
    static final int INTERVAL_SECONDS = 60;
    /** The selector of the Service dualstack renders, which is the chart's {@code cloudCore.labels}. */
    static final String DEFAULT_SELECTOR = "k8s-app=kubeedge,kubeedge=cloudcore";
    // Kubernetes label keys (optional DNS prefix) and values; anything else in a captured selector is not used.
    private static final Pattern LABEL_KEY = Pattern.compile("([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?"
            + "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

    @Override
    public Stream<PlannedFile> files(SiteFacts facts) {
        List<String> families = edgeFamilies(facts);
        if (families.isEmpty()) {
            return Stream.empty();
        }
        StreamRedirectView script = view(facts, families);
        List<PlannedFile> out = new ArrayList<>();
        for (SiteFacts.NodeFacts n : facts.cloudNodes) {
            if (!n.node().isControlPlane()) {
                continue;
            }
            String dir = "nodes/" + n.node().name();
            out.add(new PlannedFile(dir + SCRIPT, script));
            out.add(new PlannedFile(dir + UNIT + ".service", new StreamRedirectServiceView(SCRIPT, INTERVAL_SECONDS)));
            out.add(new PlannedFile(dir + UNIT + ".timer", new StreamRedirectTimerView(INTERVAL_SECONDS)));
        }
        return out.stream();
    }

    static StreamRedirectView view(SiteFacts facts, List<String> families) {
        return new StreamRedirectView(facts.site.cloudCore().namespace(), KubeEdgeNamespaces.SECRETS, selector(facts),
                facts.site.cloudCore().ports().stream(), families);
    }

    /** The families in which some edge node has an address (and so an InternalIP), in the site's order. */
    static List<String> edgeFamilies(SiteFacts facts) {
        List<EdgeNode> edges = facts.site.edgeNodes();
        return facts.families.stream()
                .filter(f -> edges.stream().anyMatch(e -> e.addresses().has(f)))
                .map(IpFamily::name).toList();
    }

    /** A running site's CloudCore Service selector, when it is a plain one; else the chart's labels. */
    static String selector(SiteFacts facts) {
        return facts.captured.flatMap(c -> c.cluster(ClusterFile.CLOUDCORE_SERVICE))
                .map(svc -> selector(svc.tree().path("spec").path("selector")))
                .filter(s -> !s.isEmpty()).orElse(DEFAULT_SELECTOR);
    }

    private static String selector(JsonNode selector) {
        if (!selector.isObject() || selector.isEmpty()) {
            return "";
        }
        List<String> terms = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() || !LABEL_KEY.matcher(e.getKey()).matches() || e.getKey().length() > 316
                    || !LABEL_VALUE.matcher(e.getValue().asText()).matches()) {
                return "";
            }
            terms.add(e.getKey() + "=" + e.getValue().asText());
        }
        return String.join(",", terms.stream().sorted().toList());
    }
}
