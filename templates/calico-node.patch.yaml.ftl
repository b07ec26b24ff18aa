# Strategic merge patch for the calico-node DaemonSet: env entries merge by name, so only these change; the
# probes' commands are replaced whole and match the backend (BIRD's checks only when BIRD runs, else they fail).
# The *_POOL_* variables act only when calico-node creates a pool; calico.ippools.yaml creates them explicitly.
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: calico-node
  namespace: kube-system
spec:
  template:
    spec:
      containers:
      - name: calico-node
        env:
<#list env as e>
        - name: ${e.name}
          value: ${e.value}
</#list>
        livenessProbe:
          exec:
            command:
<#list liveness as arg>
            - ${arg}
</#list>
        readinessProbe:
          exec:
            command:
<#list readiness as arg>
            - ${arg}
</#list>
