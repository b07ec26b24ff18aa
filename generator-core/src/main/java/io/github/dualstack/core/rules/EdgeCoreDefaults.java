package io.github.dualstack.core.rules;

/**
 * EdgeCore's own defaults for the settings a site may change (KubeEdge v1.22 and v1.23,
 * staging/src/github.com/kubeedge/api/apis/common/constants/default.go {@code DefaultPodSandboxImage};
 * apis/componentconfig/edgecore/v1alpha2/default_kubelet_configuration.go {@code obj.MaxPods = 110}). edgecore
 * reads edgecore.yaml over them, so a generated file leaves out a setting equal to its default, and a site that
 * sets none renders as one from before these settings existed. The schema's defaults are the same values.
 */
public final class EdgeCoreDefaults {

    public static final String POD_SANDBOX_IMAGE = "kubeedge/pause:3.6";
    public static final int MAX_PODS = 110;
    /** resolv.conf's limit, which kubelet enforces on clusterDNS ({@code validation.MaxDNSNameservers}). */
    public static final int MAX_CLUSTER_DNS = 3;

    private EdgeCoreDefaults() {
    }
}
