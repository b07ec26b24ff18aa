package io.github.dualstack.core.model;

import java.util.List;

/**
 * CloudCore's Service, ConfigMap and certificate inputs, and the modules the site turns on or sets beyond the ones
 * every site needs: {@code dynamicController} (EdgeMesh, MetaServer) and the iptables manager's mode.
 */
public record CloudCore(String namespace, Exposure exposure, List<String> advertiseAddresses, List<String> dnsNames,
                        int nodeLimit, HubPorts ports, HubPorts nodePorts, boolean quic,
                        boolean regenerateCertificates, boolean dynamicController, IptablesManager iptablesManager) {

    public enum Exposure { NodePort, LoadBalancer, Ingress, HostNetwork }

    /**
     * modules.iptablesManager: {@code internal} (KubeEdge's default) has CloudCore program the CloudStream rules itself,
     * {@code external} leaves them to the iptables-manager DaemonSet of the Helm chart, {@code disabled} to no one.
     * Constants are spelled as the descriptor spells them.
     */
    public enum IptablesManager { internal, external, disabled }
}
