package io.github.dualstack.core.model;

import java.util.List;

/**
 * CloudCore's Service, ConfigMap and certificate inputs, and what installs it ({@code installedBy}, with the Helm
 * release the cloudcore chart runs as).
 */
public record CloudCore(String namespace, Exposure exposure, List<String> advertiseAddresses, List<String> dnsNames,
                        int nodeLimit, HubPorts ports, HubPorts nodePorts, boolean quic,
                        boolean regenerateCertificates, Installer installedBy, String helmRelease) {

    public enum Exposure { NodePort, LoadBalancer, Ingress, HostNetwork }

    /** What installs CloudCore: the generated manifests alone, or KubeEdge's cloudcore chart through helm or keadm. */
    public enum Installer {
        manifests, helm, keadm;

        public boolean chart() {
            return this != manifests;
        }
    }
}
