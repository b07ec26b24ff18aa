package io.github.dualstack.core.model;

import java.util.List;

/** CloudCore's Service, ConfigMap and certificate inputs. */
public record CloudCore(String namespace, Exposure exposure, List<String> advertiseAddresses, List<String> dnsNames,
                        int nodeLimit, HubPorts ports, HubPorts nodePorts, boolean quic,
                        boolean regenerateCertificates) {

    public enum Exposure { NodePort, LoadBalancer, Ingress, HostNetwork }
}
