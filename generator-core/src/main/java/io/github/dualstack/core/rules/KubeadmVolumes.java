package io.github.dualstack.core.rules;

import io.github.dualstack.core.model.HostPathMount.PathType;
import io.github.dualstack.core.model.HostPathMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hostPath volumes kubeadm gives kube-apiserver and kube-controller-manager itself, as
 * {@code getHostPathVolumesForTheControlPlane} in kubernetes/kubernetes cmd/kubeadm/app/phases/controlplane/volumes.go
 * builds them on Debian and Ubuntu hosts (the CA directories it finds there), and how a path is found in them. An
 * extra volume of the same name would replace one of these ({@code AddExtraHostPathMounts}), so their names are not
 * free for the component's extraVolumes.
 */
public final class KubeadmVolumes {

    /** kubeadm's {@code CertificatesDir} default, mounted as {@code k8s-certs}. */
    public static final String CERTIFICATES_DIR = "/etc/kubernetes/pki";
    /** kube-controller-manager's kubeconfig, mounted as {@code kubeconfig}. */
    public static final String CONTROLLER_MANAGER_KUBECONFIG = "/etc/kubernetes/controller-manager.conf";
    /** {@code defaultFlexvolumeDirVolumePath}; {@code --flex-volume-plugin-dir} moves the mount with it. */
    public static final String FLEXVOLUME_DIR = "/usr/libexec/kubernetes/kubelet-plugins/volume/exec";
    private static final String FLEXVOLUME_FLAG = "flex-volume-plugin-dir";

    private KubeadmVolumes() {
    }

    /** kube-apiserver's volumes, in kubeadm's order of creation (the pod lists them sorted by name). */
    public static List<HostPathMount> apiServer() {
        List<HostPathMount> v = new ArrayList<>();
        v.add(directory("k8s-certs", CERTIFICATES_DIR, true));
        v.addAll(caCertificates());
        return v;
    }

    /** kube-controller-manager's volumes; its extraArgs may move the flexvolume directory. */
    public static List<HostPathMount> controllerManager(Map<String, String> extraArgs) {
        List<HostPathMount> v = new ArrayList<>();
        v.add(directory("k8s-certs", CERTIFICATES_DIR, true));
        v.addAll(caCertificates());
        v.add(new HostPathMount("kubeconfig", CONTROLLER_MANAGER_KUBECONFIG, CONTROLLER_MANAGER_KUBECONFIG, true,
                PathType.FILE_OR_CREATE));
        // Not read-only: third-party plugins talk to their storage backends through sockets in it.
        String flex = extraArgs.getOrDefault(FLEXVOLUME_FLAG, FLEXVOLUME_DIR);
        v.add(directory("flexvolume-dir", flex, false));
        return v;
    }

    /** {@code caCertsVolumePath} and those of {@code caCertsExtraVolumePaths} that exist on Debian and Ubuntu. */
    private static List<HostPathMount> caCertificates() {
        return List.of(directory("ca-certs", "/etc/ssl/certs", true),
                directory("etc-ca-certificates", "/etc/ca-certificates", true),
                directory("usr-local-share-ca-certificates", "/usr/local/share/ca-certificates", true),
                directory("usr-share-ca-certificates", "/usr/share/ca-certificates", true));
    }

    private static HostPathMount directory(String name, String path, boolean readOnly) {
        return new HostPathMount(name, path, path, readOnly, PathType.DIRECTORY_OR_CREATE);
    }

    /**
     * {@code absolute} with empty and {@code .} elements dropped and each {@code ..} taking one element off, as
     * the kernel resolves it (symbolic links aside); {@code ..} at the root stays at the root.
     */
    public static String normalize(String absolute) {
        if (!absolute.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + absolute);
        }
        List<String> kept = new ArrayList<>();
        for (String element : absolute.split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                continue;
            }
            kept.add(element);
        }
        return "/" + String.join("/", kept);
    }

    /**
     * The mount through which the container sees {@code absolute}: the one whose mountPath is the path or its
     * nearest enclosing directory, comparing normalized paths; empty when no mount covers it. A mount whose path is
     * not absolute (an invalid one) covers nothing.
     */
    public static Optional<HostPathMount> mountOf(String absolute, List<HostPathMount> mounts) {
        String path = normalize(absolute);
        HostPathMount best = null;
        int bestLength = -1;
        for (HostPathMount m : mounts) {
            if (!m.mountPath().startsWith("/")) {
                continue;
            }
            String mp = normalize(m.mountPath());
            boolean covers = path.equals(mp) || path.startsWith(mp.equals("/") ? mp : mp + "/");
            if (covers && mp.length() > bestLength) {
                best = m;
                bestLength = mp.length();
            }
        }
        return Optional.ofNullable(best);
    }
}
