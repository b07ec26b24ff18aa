# EdgeCore configuration of this edge node; its join.sh installs it as /etc/kubeedge/config/edgecore.yaml
# after keadm join. Keys are sorted as edgecore --defaultconfig prints them; edgecore reads this file over its
# built-in defaults, so a key left out keeps its default. edgecoreVersion matches the installed edgecore, which
# otherwise rewrites the whole file at start-up. The modules are enabled explicitly (edgeStream because
# CloudCore's cloudStream is on). Every server is the CloudCore address of this node's hub family, IPv6 in
# brackets; nodeIP lists one address per family, primary first, so the node reports both InternalIPs.
apiVersion: edgecore.config.kubeedge.io/v1alpha2
database:
  dataSource: /var/lib/kubeedge/edgecore.db
edgecoreVersion: ${edgecoreVersion}
kind: EdgeCore
modules:
  dbTest:
    enable: false
  deviceTwin:
    enable: true
  edgeHub:
    enable: true
    httpServer: ${httpServer}
    quic:
      enable: <#if quic>true<#else>false</#if>
      server: ${quicServer}
    tlsCaFile: /etc/kubeedge/ca/rootCA.crt
    tlsCertFile: /etc/kubeedge/certs/server.crt
    tlsPrivateKeyFile: /etc/kubeedge/certs/server.key
    websocket:
      enable: <#if quic>false<#else>true</#if>
      server: ${websocketServer}
  edgeStream:
    enable: true
    server: ${streamServer}
    tlsTunnelCAFile: /etc/kubeedge/ca/rootCA.crt
    tlsTunnelCertFile: /etc/kubeedge/certs/server.crt
    tlsTunnelPrivateKeyFile: /etc/kubeedge/certs/server.key
  edged:
    enable: true
    hostnameOverride: ${nodeName}
<#if nodeIp?has_content>
    nodeIP: ${nodeIp}
</#if>
<#if labels?size == 0>
    nodeLabels: {}
<#else>
    nodeLabels:
<#list labels as key, value>
      ${key}: ${value}
</#list>
</#if>
<#if podSandboxImage?has_content>
    podSandboxImage: ${podSandboxImage}
</#if>
    registerNodeNamespace: default
    tailoredKubeletConfig:
      cgroupDriver: ${cgroupDriver}
<#if clusterDns?has_content>
      clusterDNS:
<#list clusterDns as d>
      - ${d}
</#list>
</#if>
      clusterDomain: ${clusterDomain}
      containerRuntimeEndpoint: ${runtimeEndpoint}
      imageServiceEndpoint: ${runtimeEndpoint}
<#if maxPods?has_content>
      maxPods: ${maxPods}
</#if>
  eventBus:
    enable: true
  metaManager:
    enable: true
<#if metaServer>
    metaServer:
      enable: true
</#if>
  serviceBus:
    enable: false
  taskManager:
    enable: false
