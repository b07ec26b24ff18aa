# CloudCore's configuration. Listen addresses stay 0.0.0.0: Go listens on every address of both families for
# an unspecified address, while "::" would be printed as ":::10000" by CloudCore and rejected. qps, burst and the
# edgeController workers and buffers are exactly what CloudCore derives from nodeLimit, so it never rewrites
# this ConfigMap (which a GitOps tool would then revert, forever). Restart CloudCore after applying.
apiVersion: v1
kind: ConfigMap
metadata:
  name: cloudcore
  namespace: ${namespace}
data:
  cloudcore.yaml: |
<@indent n=4>
apiVersion: cloudcore.config.kubeedge.io/v1alpha1
kind: CloudCore
kubeAPIConfig:
  burst: ${burst}
  kubeConfig: ""
  master: ""
  qps: ${qps}
modules:
  cloudHub:
    advertiseAddress:
<#list advertiseAddresses as a>
    - ${a}
</#list>
<#if dnsNames?has_content>
    dnsNames:
<#list dnsNames as d>
    - ${d}
</#list>
<#else>
    dnsNames: []
</#if>
    enable: true
    https:
      address: 0.0.0.0
      enable: true
      port: ${httpsPort}
    nodeLimit: ${nodeLimit}
    quic:
      address: 0.0.0.0
      enable: <#if quic>true<#else>false</#if>
      maxIncomingStreams: 10000
      port: ${quicPort}
    unixsocket:
      address: unix:///var/lib/kubeedge/kubeedge.sock
      enable: true
    websocket:
      address: 0.0.0.0
      enable: true
      port: ${websocketPort}
  cloudStream:
    enable: true
    streamPort: ${streamPort}
    tunnelPort: ${tunnelPort}
<#if dynamicController>
  dynamicController:
    enable: true
</#if>
  edgeController:
    buffer:
      createLease: ${createLeaseBuffer}
      patchNode: ${patchNodeBuffer}
      queryNode: ${queryNodeBuffer}
    enable: true
    load:
      createLeaseWorkers: ${createLeaseWorkers}
      patchNodeWorkers: ${patchNodeWorkers}
      queryNodeWorkers: ${queryNodeWorkers}
<#if iptablesManager?has_content>
  iptablesManager:
    enable: <#if iptablesManager.enable>true<#else>false</#if>
<#if iptablesManager.mode?has_content>
    mode: ${iptablesManager.mode}
</#if>
</#if>
</@indent>
