package io.github.dualstack.core.model;

import io.github.dualstack.core.net.IpAddress;
import java.util.List;

/**
 * CloudCore's Service, ConfigMap and certificate inputs, the modules the site turns on or sets beyond the ones
 * every site needs ({@code dynamicController} for EdgeMesh and MetaServer, the iptables manager's mode), and what
 * installs it ({@code installedBy}, with the Helm release the cloudcore chart runs as).
 */
public record CloudCore(String namespace, Exposure exposure, List<IpAddress> advertiseAddresses, List<String> dnsNames,
                        int nodeLimit, HubPorts ports, HubPorts nodePorts, boolean quic,
                        boolean regenerateCertificates, boolean dynamicController, IptablesManager iptablesManager,
                        Installer installedBy, String helmRelease) {

    public enum Exposure { NodePort, LoadBalancer, Ingress, HostNetwork }

    /**
     * modules.iptablesManager: {@code internal} (KubeEdge's default) has CloudCore program the CloudStream rules itself,
     * {@code external} leaves them to the iptables-manager DaemonSet of the Helm chart, {@code disabled} to no one.
     * Constants are spelled as the descriptor spells them.
     */
    public enum IptablesManager { internal, external, disabled }

    /** What installs CloudCore: the generated manifests alone, or KubeEdge's cloudcore chart through helm or keadm. */
    public enum Installer {
        manifests, helm, keadm;

        public boolean chart() {
            return this != manifests;
        }
    }
}
