package io.github.dualstack.core.validate;

import static io.github.dualstack.core.validate.Verdicts.dual;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * extraVolumes beside kubeadm's own, and the paths of file-valued extraArgs flags against every mount of the
 * component: each row is the component block inserted into the dual-stack sample and the errors it gives.
 */
class ExtraVolumesRulesTest {

    private static final String API = "spec.kubernetes.apiServer.";
    private static final String KCM = "spec.kubernetes.controllerManager.";

    private static Verdicts.Edit with(String component, String block) {
        return dual().insertAfter("serviceSubnets:", "    " + component + ":\n" + block);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            mounted by kubeadm's pki volume            | audit-policy-file: /etc/kubernetes/pki/audit/policy.yaml
            the CA bundle kubeadm mounts               | oidc-ca-file: /etc/ssl/certs/ca-certificates.crt
            - for audit-log-path is standard output  | audit-log-path: "-"
            an empty value is the flag's default       | audit-log-path: ""
            a flag that names no file                  | audit-log-maxage: "30"
            a moved kubeadm flag, still under pki      | tls-cert-file: /etc/kubernetes/pki/serving/apiserver.crt
            both files of an SNI pair under pki        | tls-sni-cert-key: "/etc/kubernetes/pki/a.crt,/etc/kubernetes/pki/a.key:*.example.com"
            """)
    void apiServerPathsThatKubeadmMounts(String name, String arg) {
        assertThat(with("apiServer", "      extraArgs: {" + arg + "}").errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            the file itself                  | /etc/kubernetes/audit/policy.yaml | /etc/kubernetes/audit/policy.yaml | File
            its directory                    | /etc/kubernetes/audit             | /etc/kubernetes/audit/policy.yaml | Directory
            a directory further up           | /etc/kubernetes/audit             | /etc/kubernetes/audit/v1/policy.yaml | ``
            a mountPath with a trailing /    | /etc/kubernetes/audit/            | /etc/kubernetes/audit/policy.yaml | ``
            a path with . and // elements    | /etc/kubernetes/audit             | /etc/kubernetes//audit/./policy.yaml | ``
            a .. that stays inside the mount | /etc/kubernetes/audit             | /etc/kubernetes/audit/v1/../policy.yaml | ``
            """)
    void pathsAnExtraVolumeMounts(String name, String mountPath, String flagPath, String pathType) {
        Verdicts.Edit edit = with("apiServer", "      extraArgs: {audit-policy-file: \"" + flagPath + "\"}\n"
                + "      extraVolumes:\n"
                + "        - {name: audit, hostPath: /srv/audit, mountPath: \"" + mountPath + "\", pathType: \"" + pathType
                + "\"}");
        assertThat(edit.errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a file outside every mount | audit-policy-file: /etc/kubernetes/audit/policy.yaml | audit-policy-file: /etc/kubernetes/audit/policy.yaml is not mounted into kube-apiserver, which would exit at start: neither kubeadm's volumes (/etc/kubernetes/pki and the CA certificate directories) nor spec.kubernetes.apiServer.extraVolumes hold it; add {name: audit-policy-file, hostPath: /etc/kubernetes/audit/policy.yaml, mountPath: /etc/kubernetes/audit/policy.yaml, readOnly: true, pathType: File} to spec.kubernetes.apiServer.extraVolumes
            a sibling whose name starts like pki | encryption-provider-config: /etc/kubernetes/pkix/enc.yaml | encryption-provider-config: /etc/kubernetes/pkix/enc.yaml is not mounted into kube-apiserver, which would exit at start: neither kubeadm's volumes (/etc/kubernetes/pki and the CA certificate directories) nor spec.kubernetes.apiServer.extraVolumes hold it; add {name: encryption-provider-config, hostPath: /etc/kubernetes/pkix/enc.yaml, mountPath: /etc/kubernetes/pkix/enc.yaml, readOnly: true, pathType: File} to spec.kubernetes.apiServer.extraVolumes
            path traversal out of pki | authentication-config: /etc/kubernetes/pki/../../../root/x | authentication-config: /etc/kubernetes/pki/../../../root/x (that is /root/x) is not mounted into kube-apiserver, which would exit at start: neither kubeadm's volumes (/etc/kubernetes/pki and the CA certificate directories) nor spec.kubernetes.apiServer.extraVolumes hold it; add {name: authentication-config, hostPath: /root/x, mountPath: /root/x, readOnly: true, pathType: File} to spec.kubernetes.apiServer.extraVolumes
            a relative path | audit-policy-file: audit/policy.yaml | audit-policy-file: "audit/policy.yaml" is a relative path, which kube-apiserver would resolve against its working directory in the container; use an absolute path
            an audit log is mounted by its directory, writable | audit-log-path: /var/log/kubernetes/audit/audit.log | audit-log-path: /var/log/kubernetes/audit/audit.log is not mounted into kube-apiserver, which would exit at start: neither kubeadm's volumes (/etc/kubernetes/pki and the CA certificate directories) nor spec.kubernetes.apiServer.extraVolumes hold it; add {name: audit-log-path, hostPath: /var/log/kubernetes/audit, mountPath: /var/log/kubernetes/audit, readOnly: false, pathType: DirectoryOrCreate} to spec.kubernetes.apiServer.extraVolumes
            an audit log in kubeadm's read-only pki | audit-log-path: /etc/kubernetes/pki/audit.log | audit-log-path: /etc/kubernetes/pki/audit.log is written by kube-apiserver, but kubeadm's volume k8s-certs mounts /etc/kubernetes/pki read-only; write it outside kubeadm's volumes, in a directory that an entry of spec.kubernetes.apiServer.extraVolumes mounts with readOnly: false
            a file at the root is mounted alone | audit-log-path: /audit.log | audit-log-path: /audit.log is not mounted into kube-apiserver, which would exit at start: neither kubeadm's volumes (/etc/kubernetes/pki and the CA certificate directories) nor spec.kubernetes.apiServer.extraVolumes hold it; add {name: audit-log-path, hostPath: /audit.log, mountPath: /audit.log, readOnly: false, pathType: FileOrCreate} to spec.kubernetes.apiServer.extraVolumes
            a path YAML would read differently is quoted | token-auth-file: "/etc/kube auth/tokens.csv" | token-auth-file: /etc/kube auth/tokens.csv is not mounted into kube-apiserver, which would exit at start: neither kubeadm's volumes (/etc/kubernetes/pki and the CA certificate directories) nor spec.kubernetes.apiServer.extraVolumes hold it; add {name: token-auth-file, hostPath: "/etc/kube auth/tokens.csv", mountPath: "/etc/kube auth/tokens.csv", readOnly: true, pathType: File} to spec.kubernetes.apiServer.extraVolumes
            """)
    void apiServerPathsNoVolumeMounts(String name, String arg, String error) {
        assertThat(with("apiServer", "      extraArgs: {" + arg + "}").errors()).containsExactly(API + "extraArgs." + error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            the key of an SNI pair is outside | tls-sni-cert-key: "/etc/kubernetes/pki/a.crt,/srv/a.key" | tls-sni-cert-key: /srv/a.key is not mounted into kube-apiserver, which would exit at start: neither kubeadm's volumes (/etc/kubernetes/pki and the CA certificate directories) nor spec.kubernetes.apiServer.extraVolumes hold it; add {name: tls-sni-cert-key-2, hostPath: /srv/a.key, mountPath: /srv/a.key, readOnly: true, pathType: File} to spec.kubernetes.apiServer.extraVolumes
            a suggested name already taken gets a suffix | audit-policy-file: /srv/policy.yaml | audit-policy-file: /srv/policy.yaml is not mounted into kube-apiserver, which would exit at start: neither kubeadm's volumes (/etc/kubernetes/pki and the CA certificate directories) nor spec.kubernetes.apiServer.extraVolumes hold it; add {name: audit-policy-file-2, hostPath: /srv/policy.yaml, mountPath: /srv/policy.yaml, readOnly: true, pathType: File} to spec.kubernetes.apiServer.extraVolumes
            """)
    void suggestedNamesAreFree(String name, String arg, String error) {
        Verdicts.Edit edit = with("apiServer", "      extraArgs: {" + arg + "}\n      extraVolumes:\n"
                + "        - {name: audit-policy-file, hostPath: /etc/kubernetes/audit, mountPath: /etc/kubernetes/audit}");
        assertThat(edit.errors()).containsExactly(API + "extraArgs." + error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a writable extra volume takes the log | false | ``
            a read-only one does not | true | `spec.kubernetes.apiServer.extraArgs.audit-log-path: /var/log/kubernetes/audit/audit.log is written by kube-apiserver, but extraVolumes[0] (audit-log) mounts /var/log/kubernetes/audit read-only; set its readOnly to false`
            """)
    void aWrittenFileNeedsAWritableMount(String name, boolean readOnly, String error) {
        Verdicts.Edit edit = with("apiServer", "      extraArgs: {audit-log-path: /var/log/kubernetes/audit/audit.log}\n"
                + "      extraVolumes:\n        - {name: audit-log, hostPath: /var/log/kubernetes/audit,"
                + " mountPath: /var/log/kubernetes/audit, readOnly: " + readOnly + "}");
        if (error.isEmpty()) {
            assertThat(edit.errors()).isEmpty();
        } else {
            assertThat(edit.errors()).containsExactly(error);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            its kubeconfig, which kubeadm mounts | kubeconfig: /etc/kubernetes/controller-manager.conf | ``
            a moved flexvolume directory, which kubeadm's mount follows | flex-volume-plugin-dir: /opt/flexvolume | ``
            a signer key under pki | cluster-signing-key-file: /etc/kubernetes/pki/signer/ca.key | ``
            a recycler template outside every mount | pv-recycler-pod-template-filepath-nfs: /srv/recycler.yaml | `spec.kubernetes.controllerManager.extraArgs.pv-recycler-pod-template-filepath-nfs: /srv/recycler.yaml is not mounted into kube-controller-manager, which would exit at start: neither kubeadm's volumes (/etc/kubernetes/pki, the CA certificate directories, its kubeconfig and the flexvolume directory) nor spec.kubernetes.controllerManager.extraVolumes hold it; add {name: pv-recycler-pod-template-filepath-nfs, hostPath: /srv/recycler.yaml, mountPath: /srv/recycler.yaml, readOnly: true, pathType: File} to spec.kubernetes.controllerManager.extraVolumes`
            a serving certificate directory is written | cert-dir: /etc/kubernetes/pki/kcm | `spec.kubernetes.controllerManager.extraArgs.cert-dir: /etc/kubernetes/pki/kcm is written by kube-controller-manager, but kubeadm's volume k8s-certs mounts /etc/kubernetes/pki read-only; write it outside kubeadm's volumes, in a directory that an entry of spec.kubernetes.controllerManager.extraVolumes mounts with readOnly: false`
            an apiserver-only flag is no file flag here | audit-policy-file: relative.yaml | ``
            a relative flexvolume directory | flex-volume-plugin-dir: plugins | `spec.kubernetes.controllerManager.extraArgs.flex-volume-plugin-dir: "plugins" is a relative path, which kube-controller-manager would resolve against its working directory in the container; use an absolute path`
            an empty flexvolume directory, which kubeadm would mount as "" | flex-volume-plugin-dir: "" | `spec.kubernetes.controllerManager.extraArgs.flex-volume-plugin-dir: "" is a relative path, which kube-controller-manager would resolve against its working directory in the container; use an absolute path`
            """)
    void controllerManagerPaths(String name, String arg, String error) {
        Verdicts.Edit edit = with("controllerManager", "      extraArgs: {" + arg + "}");
        if (error.isEmpty()) {
            assertThat(edit.errors()).isEmpty();
        } else {
            assertThat(edit.errors()).containsExactly(error);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a name of kubeadm's own volume | apiServer | {name: k8s-certs, hostPath: /srv/pki, mountPath: /srv/pki} | `spec.kubernetes.apiServer.extraVolumes[1].name: "k8s-certs" is kubeadm's own volume of /etc/kubernetes/pki in kube-apiserver; an extra volume of that name would replace it: choose another name`
            kubeconfig is kubeadm's only in kube-controller-manager | controllerManager | {name: kubeconfig, hostPath: /srv/kc, mountPath: /srv/kc} | `spec.kubernetes.controllerManager.extraVolumes[1].name: "kubeconfig" is kubeadm's own volume of /etc/kubernetes/controller-manager.conf in kube-controller-manager; an extra volume of that name would replace it: choose another name`
            a name used twice | apiServer | {name: audit, hostPath: /srv/b, mountPath: /srv/b} | `spec.kubernetes.apiServer.extraVolumes[1].name: "audit" is already the name of extraVolumes[0]`
            a mountPath of kubeadm's | apiServer | {name: pki, hostPath: /srv/pki, mountPath: /etc/kubernetes/pki/} | `spec.kubernetes.apiServer.extraVolumes[1].mountPath: /etc/kubernetes/pki/ is already mounted into kube-apiserver by kubeadm's volume k8s-certs; a container mounts each path once`
            a mountPath used twice | apiServer | {name: other, hostPath: /srv/b, mountPath: /srv//a} | `spec.kubernetes.apiServer.extraVolumes[1].mountPath: /srv//a is already mounted into kube-apiserver by extraVolumes[0] (audit); a container mounts each path once`
            the container's root | apiServer | {name: root, hostPath: /srv/root, mountPath: /.} | `spec.kubernetes.apiServer.extraVolumes[1].mountPath: must not be / (the container's root, which holds the component itself)`
            kubeadm's flexvolume directory | controllerManager | {name: flex, hostPath: /srv/flex, mountPath: /usr/libexec/kubernetes/kubelet-plugins/volume/exec} | `spec.kubernetes.controllerManager.extraVolumes[1].mountPath: /usr/libexec/kubernetes/kubelet-plugins/volume/exec is already mounted into kube-controller-manager by kubeadm's volume flexvolume-dir; a container mounts each path once`
            kubeconfig is a free name in kube-apiserver | apiServer | {name: kubeconfig, hostPath: /srv/kc, mountPath: /srv/kc} | ``
            a nested mountPath is another path | apiServer | {name: nested, hostPath: /srv/n, mountPath: /etc/kubernetes/pki/extra} | ``
            """)
    void extraVolumesBesideKubeadms(String name, String component, String volume, String error) {
        Verdicts.Edit edit = with(component, "      extraVolumes:\n"
                + "        - {name: audit, hostPath: /srv/a, mountPath: /srv/a}\n        - " + volume);
        if (error.isEmpty()) {
            assertThat(edit.errors()).isEmpty();
        } else {
            assertThat(edit.errors()).containsExactly(error);
        }
    }
}
