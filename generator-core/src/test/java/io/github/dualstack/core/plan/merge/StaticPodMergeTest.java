package io.github.dualstack.core.plan.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.model.HostPathMount;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaticPodMergeTest {

    /** A kube-apiserver manifest as kubeadm writes it, with an audit policy and its volume. */
    private static final JsonNode API_SERVER = Json.yaml("""
            apiVersion: v1
            kind: Pod
            metadata:
              annotations:
                kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: 192.0.2.11:6443
              creationTimestamp: null
              labels: {component: kube-apiserver, tier: control-plane}
              name: kube-apiserver
              namespace: kube-system
            spec:
              containers:
              - command:
                - kube-apiserver
                - --advertise-address=192.0.2.11
                - --audit-policy-file=/etc/kubernetes/audit/policy.yaml
                - --etcd-servers=https://127.0.0.1:2379
                - --service-cluster-ip-range=10.96.0.0/12
                - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt
                image: registry.k8s.io/kube-apiserver:v1.32.4
                resources: {requests: {cpu: 250m}}
                volumeMounts:
                - {mountPath: /etc/kubernetes/audit, name: audit, readOnly: true}
              hostNetwork: true
              volumes:
              - hostPath: {path: /etc/kubernetes/audit, type: DirectoryOrCreate}
                name: audit
            status: {}
            """);

    @Test
    void changesOnlyTheManagedFlagInItsPlace() {
        Merged m = StaticPodMerge.merge(API_SERVER,
                Map.of("service-cluster-ip-range", "10.96.0.0/12,fd00:10:96::/112"), Set.of(), List.of());
        assertThat(Json.differences(API_SERVER, m.object())).containsExactly("/spec/containers/0/command/4");
        assertThat(m.object().at("/spec/containers/0/command/4").asText())
                .isEqualTo("--service-cluster-ip-range=10.96.0.0/12,fd00:10:96::/112");
        assertThat(m.changed()).containsExactly("--service-cluster-ip-range");
        // A static pod file is the node's: kubeadm's creationTimestamp and status stay.
        assertThat(m.object().has("status")).isTrue();
    }

    @Test
    void newFlagGoesWhereKubeadmsSortedOrderPutsItAndRemovedOnesGo() {
        Merged m = StaticPodMerge.merge(API_SERVER, Map.of("bind-address", "::"), Set.of("audit-policy-file"), List.of());
        assertThat(m.object().at("/spec/containers/0/command").toString()).isEqualTo("[\"kube-apiserver\","
                + "\"--advertise-address=192.0.2.11\",\"--bind-address=::\",\"--etcd-servers=https://127.0.0.1:2379\","
                + "\"--service-cluster-ip-range=10.96.0.0/12\",\"--tls-cert-file=/etc/kubernetes/pki/apiserver.crt\"]");
        assertThat(m.changed()).containsExactly("--audit-policy-file (removed)", "--bind-address (added)");
    }

    @Test
    void anUnchangedFlagIsNoChange() {
        Merged m = StaticPodMerge.merge(API_SERVER, Map.of("etcd-servers", "https://127.0.0.1:2379"), Set.of("absent"),
                List.of());
        assertThat(m.object()).isEqualTo(API_SERVER);
        assertThat(m.changed()).isEmpty();
    }

    @Test
    void extraVolumesAreAddedOnceAndTheSitesOwnOfTheSameNameIsKept() {
        Merged m = StaticPodMerge.merge(API_SERVER, Map.of(), Set.of(), List.of(
                new HostPathMount("audit", "/elsewhere", "/elsewhere", false, HostPathMount.PathType.DIRECTORY),
                new HostPathMount("encryption", "/etc/kubernetes/enc", "/etc/kubernetes/enc", true, HostPathMount.PathType.UNSET)));
        assertThat(Json.differences(API_SERVER, m.object()))
                .containsExactly("/spec/containers/0/volumeMounts", "/spec/volumes");
        assertThat(m.object().at("/spec/volumes/1").toString())
                .isEqualTo("{\"hostPath\":{\"path\":\"/etc/kubernetes/enc\",\"type\":\"\"},\"name\":\"encryption\"}");
        assertThat(m.object().at("/spec/containers/0/volumeMounts/1").toString())
                .isEqualTo("{\"mountPath\":\"/etc/kubernetes/enc\",\"name\":\"encryption\",\"readOnly\":true}");
        assertThat(m.changed()).containsExactly("volume encryption (added)");
    }

    @Test
    void readsACapturedFlag() {
        assertThat(io.github.dualstack.core.baseline.LiveState.podFlag(API_SERVER, "etcd-servers")).contains("https://127.0.0.1:2379");
        assertThat(io.github.dualstack.core.baseline.LiveState.podFlag(API_SERVER, "etcd")).isEmpty();
    }
}
