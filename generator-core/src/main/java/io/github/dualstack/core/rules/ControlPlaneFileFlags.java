package io.github.dualstack.core.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kube-apiserver and kube-controller-manager flags whose value names a file, a directory or a socket on the
 * node, each with the kubernetes/kubernetes file whose {@code AddFlags} defines it. A static pod sees only what its
 * volumes mount, so each such path must lie under one of them, or the component exits at start (kubeadm#640).
 */
public final class ControlPlaneFileFlags {

    /** How a flag's value names paths. */
    public enum Kind {
        /** One path the component reads. */
        READ,
        /** One path the component writes; {@code -} means standard output and names no file. */
        WRITTEN_OR_STDOUT,
        /** A directory the component writes into (its self-signed serving certificate, without --tls-cert-file). */
        WRITTEN_DIRECTORY,
        /** {@code certfile,keyfile[:domain,...]} ({@code cliflag.NamedCertKey}): two paths it reads. */
        CERT_KEY_PAIR,
        /**
         * The path of a volume kubeadm adds for the flag (the flexvolume directory): always mounted, but the volume's
         * path must be absolute, an empty one included.
         */
        KUBEADM_VOLUME
    }

    /** One flag: its name without dashes, how it names paths, and the upstream file that defines it. */
    public record FileFlag(String name, Kind kind, String upstream) {

        /** Whether the component writes what the flag names, so its mount must be writable. */
        public boolean written() {
            return kind == Kind.WRITTEN_OR_STDOUT || kind == Kind.WRITTEN_DIRECTORY;
        }

        /**
         * The paths {@code value} names, as written; none for an empty value (the flag's default) or {@code -}, except
         * for a kubeadm volume's flag, whose value is the volume's path whatever it is.
         */
        public List<String> paths(String value) {
            if (kind == Kind.KUBEADM_VOLUME) {
                return List.of(value);
            }
            if (value.isEmpty() || kind == Kind.WRITTEN_OR_STDOUT && value.equals("-")) {
                return List.of();
            }
            if (kind == Kind.CERT_KEY_PAIR) {
                int colon = value.indexOf(':');
                List<String> files = new ArrayList<>();
                for (String f : (colon < 0 ? value : value.substring(0, colon)).split(",", -1)) {
                    if (!f.isEmpty()) {
                        files.add(f);
                    }
                }
                return files;
            }
            return List.of(value);
        }
    }

    private static final String GENERIC = "staging/src/k8s.io/apiserver/pkg/server/options/";
    private static final String KUBE_APISERVER = "pkg/kubeapiserver/options/";
    private static final String KCM = "cmd/kube-controller-manager/app/options/";

    /** kube-apiserver's flags (kubeadm sets some of them; extraArgs may move any). */
    public static final Map<String, FileFlag> API_SERVER = new Table()
            .add(GENERIC + "audit.go", Kind.READ, "audit-policy-file", "audit-webhook-config-file")
            .add(GENERIC + "audit.go", Kind.WRITTEN_OR_STDOUT, "audit-log-path")
            .add(GENERIC + "etcd.go", Kind.READ, "etcd-cafile", "etcd-certfile", "etcd-keyfile",
                    "encryption-provider-config")
            .add(GENERIC + "serving.go", Kind.READ, "tls-cert-file", "tls-private-key-file")
            // --cert-dir is left out: kubeadm sets --tls-cert-file, and kube-apiserver then writes nothing there.
            .add(GENERIC + "serving.go", Kind.CERT_KEY_PAIR, "tls-sni-cert-key")
            .add(GENERIC + "authentication.go", Kind.READ, "client-ca-file", "requestheader-client-ca-file")
            .add(GENERIC + "admission.go", Kind.READ, "admission-control-config-file")
            .add(GENERIC + "egress_selector.go", Kind.READ, "egress-selector-config-file")
            .add(GENERIC + "tracing.go", Kind.READ, "tracing-config-file")
            .add(KUBE_APISERVER + "authentication.go", Kind.READ, "authentication-config", "oidc-ca-file",
                    "service-account-key-file", "token-auth-file", "authentication-token-webhook-config-file")
            .add(KUBE_APISERVER + "authorization.go", Kind.READ, "authorization-config", "authorization-policy-file",
                    "authorization-webhook-config-file")
            .add("pkg/controlplane/apiserver/options/options.go", Kind.READ, "proxy-client-cert-file",
                    "proxy-client-key-file", "peer-ca-file", "service-account-signing-key-file",
                    "service-account-signing-endpoint")
            .add("cmd/kube-apiserver/app/options/options.go", Kind.READ, "kubelet-client-certificate",
                    "kubelet-client-key", "kubelet-certificate-authority")
            .build();

    /** kube-controller-manager's flags. */
    public static final Map<String, FileFlag> CONTROLLER_MANAGER = new Table()
            .add(KCM + "options.go", Kind.READ, "kubeconfig")
            .add(GENERIC + "authentication.go", Kind.READ, "authentication-kubeconfig", "client-ca-file",
                    "requestheader-client-ca-file")
            .add(GENERIC + "authorization.go", Kind.READ, "authorization-kubeconfig")
            .add(GENERIC + "serving.go", Kind.READ, "tls-cert-file", "tls-private-key-file")
            .add(GENERIC + "serving.go", Kind.CERT_KEY_PAIR, "tls-sni-cert-key")
            .add(GENERIC + "serving.go", Kind.WRITTEN_DIRECTORY, "cert-dir")
            .add(KCM + "csrsigningcontroller.go", Kind.READ, "cluster-signing-cert-file", "cluster-signing-key-file",
                    "cluster-signing-kubelet-serving-cert-file", "cluster-signing-kubelet-serving-key-file",
                    "cluster-signing-kubelet-client-cert-file", "cluster-signing-kubelet-client-key-file",
                    "cluster-signing-kube-apiserver-client-cert-file", "cluster-signing-kube-apiserver-client-key-file",
                    "cluster-signing-legacy-unknown-cert-file", "cluster-signing-legacy-unknown-key-file")
            .add(KCM + "serviceaccountcontroller.go", Kind.READ, "root-ca-file", "service-account-private-key-file")
            .add(KCM + "persistentvolumebindercontroller.go", Kind.READ, "pv-recycler-pod-template-filepath-nfs",
                    "pv-recycler-pod-template-filepath-hostpath")
            .add(KCM + "persistentvolumebindercontroller.go", Kind.KUBEADM_VOLUME, "flex-volume-plugin-dir")
            .add("staging/src/k8s.io/controller-manager/options/leadermigration.go", Kind.READ,
                    "leader-migration-config")
            .add("staging/src/k8s.io/cloud-provider/options/cloudprovider.go", Kind.READ, "cloud-config")
            .build();

    private ControlPlaneFileFlags() {
    }

    private static final class Table {
        private final Map<String, FileFlag> flags = new LinkedHashMap<>();

        Table add(String upstream, Kind kind, String... names) {
            for (String name : names) {
                if (flags.put(name, new FileFlag(name, kind, upstream)) != null) {
                    throw new IllegalStateException("flag listed twice: " + name);
                }
            }
            return this;
        }

        Map<String, FileFlag> build() {
            return Collections.unmodifiableMap(flags);
        }
    }
}
