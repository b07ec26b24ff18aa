package io.github.dualstack.core.rules;

import io.github.dualstack.core.model.HubPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * KubeEdge's cloudcore Helm chart (kubeedge/kubeedge {@code manifests/charts/cloudcore}, v1.20.0 to v1.23.1) and the
 * keadm commands that install it: the value paths dualstack sets, the value paths the chart's templates read at all
 * ({@code schemas/cloudcore-chart-values.txt}), what the chart fixes, and how keadm names the release.
 */
public final class CloudCoreChart {

    public static final String ADVERTISE_ADDRESS = "cloudCore.modules.cloudHub.advertiseAddress";
    public static final String DNS_NAMES = "cloudCore.modules.cloudHub.dnsNames";
    /** values.yaml spells it as a string ("1000"); configmap_cloudcore.yaml prints it unquoted. */
    public static final String NODE_LIMIT = "cloudCore.modules.cloudHub.nodeLimit";
    public static final String QUIC_ENABLE = "cloudCore.modules.cloudHub.quic.enable";
    /** Capital W, as values.yaml spells it. */
    public static final String HOST_NETWORK = "cloudCore.hostNetWork";
    /** "NodePort" renders a NodePort Service only when hostNetWork is false; anything else renders ClusterIP. */
    public static final String SERVICE_TYPE = "cloudCore.service.type";
    public static final String NODE_SELECTOR = "cloudCore.nodeSelector";
    /** The chart's NodePort values, by the port names of {@link HubPorts#byName()}. */
    public static final String WEBSOCKET_NODE_PORT = "cloudCore.service.cloudhubNodePort";
    public static final String QUIC_NODE_PORT = "cloudCore.service.cloudhubQuicNodePort";
    public static final String HTTPS_NODE_PORT = "cloudCore.service.cloudhubHttpsNodePort";
    public static final String STREAM_NODE_PORT = "cloudCore.service.cloudstreamNodePort";
    public static final String TUNNEL_NODE_PORT = "cloudCore.service.tunnelNodePort";

    /**
     * The ports the chart hard-codes: service_cloudcore.yaml's port and targetPort, deployment_cloudcore.yaml's
     * containerPorts and configmap_cloudcore.yaml's https port, streamPort and tunnelPort are literals; only the
     * websocket and quic listen ports are values, and the Service would not follow them.
     */
    public static final HubPorts FIXED_PORTS = new HubPorts(10000, 10001, 10002, 10003, 10004);

    /**
     * keadm init and upgrade install the chart as release {@code cloudcore} in {@code constants.SystemNamespace}
     * (keadm/cmd/keadm/app/cmd/helm/cloudcore.go: {@code client.ReleaseName = renderer.componentName},
     * {@code client.Namespace = constants.SystemNamespace}).
     */
    public static final String KEADM_RELEASE = "cloudcore";
    public static final String KEADM_NAMESPACE = KubeEdgeNamespaces.SECRETS;

    /** Helm's limit for a release name ({@code releaseNameMaxLen}, pkg/chartutil/validate_name.go). */
    public static final int RELEASE_NAME_MAX = 53;

    static final String VALUE_PATHS = "/io/github/dualstack/schemas/cloudcore-chart-values.txt";

    private static final Set<String> READ = load();

    private CloudCoreChart() {
    }

    /**
     * The value paths the chart's templates read in every supported version. A path stands for its whole subtree
     * (the chart prints maps and lists such as nodeSelector or advertiseAddress whole).
     */
    public static Set<String> valuePaths() {
        return READ;
    }

    private static Set<String> load() {
        Set<String> paths = new TreeSet<>();
        try (InputStream in = CloudCoreChart.class.getResourceAsStream(VALUE_PATHS)) {
            if (in == null) {
                throw new IllegalStateException(VALUE_PATHS + " is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String path = line.strip();
                // "path  since vX": read by newer charts only, so not a value dualstack may set for every version.
                if (!path.isEmpty() && !path.startsWith("#") && !path.contains(" ")) {
                    paths.add(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableSet(paths);
    }
}
