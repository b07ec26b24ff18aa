apiVersion: v1
kind: Pod
metadata:
<#if advertiseEndpoint??>
  annotations:
    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: ${advertiseEndpoint}
</#if>
  labels:
    component: ${component}
    tier: control-plane
  name: ${component}
  namespace: kube-system
spec:
  containers:
  - command:
<#list command as arg>
    - ${arg}
</#list>
    image: ${image}
    imagePullPolicy: IfNotPresent
    livenessProbe:
      failureThreshold: 8
      httpGet:
        host: ${probe.host}
        path: ${probe.liveness}
        port: ${probe.port}
        scheme: HTTPS
      initialDelaySeconds: 10
      periodSeconds: 10
      timeoutSeconds: 15
    name: ${component}
<#if probe.readiness??>
    readinessProbe:
      failureThreshold: 3
      httpGet:
        host: ${probe.host}
        path: ${probe.readiness}
        port: ${probe.port}
        scheme: HTTPS
      periodSeconds: 1
      timeoutSeconds: 15
</#if>
    resources:
      requests:
        cpu: ${cpu}
    startupProbe:
      failureThreshold: 24
      httpGet:
        host: ${probe.host}
        path: ${probe.liveness}
        port: ${probe.port}
        scheme: HTTPS
      initialDelaySeconds: 10
      periodSeconds: 10
      timeoutSeconds: 15
    volumeMounts:
<#list volumes as vol>
    - mountPath: ${vol.mountPath}
      name: ${vol.name}
<#if vol.readOnly>
      readOnly: true
</#if>
</#list>
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  volumes:
<#list volumes as vol>
  - hostPath:
      path: ${vol.hostPath}
      type: ${vol.type}
    name: ${vol.name}
</#list>
