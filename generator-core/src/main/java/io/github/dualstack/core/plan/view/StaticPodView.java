package io.github.dualstack.core.plan.view;

import java.util.List;
import java.util.Optional;

/**
 * static-pod.yaml.ftl. Components: {@code component}, {@code image}, {@code command} (argv, flags sorted),
 * {@code cpu}, {@code probe}, {@code advertiseEndpoint} (kube-apiserver only), {@code volumes} (sorted by name).
 */
public record StaticPodView(String component, String image, List<String> command, String cpu, Probe probe,
                            Optional<String> advertiseEndpoint, List<Volume> volumes) implements View {

    public StaticPodView {
        command = List.copyOf(command);
        volumes = List.copyOf(volumes);
    }

    /**
     * The HTTPS health endpoints. Components: {@code host}, {@code port}, {@code liveness} (path, also the startup
     * probe's), {@code readiness} (path, absent when the component has no readiness probe).
     */
    public record Probe(String host, int port, String liveness, Optional<String> readiness) {
    }

    /**
     * A hostPath volume and its mount, as kubeadm writes them. Components: {@code name}, {@code hostPath},
     * {@code mountPath}, {@code type} (the hostPath type, {@code ""} for none) and {@code readOnly}.
     */
    public record Volume(String name, String hostPath, String mountPath, String type, boolean readOnly) {
    }
}
