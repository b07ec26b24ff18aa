package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.HostPathMount.PathType;
import io.github.dualstack.core.model.HostPathMount;
import io.github.dualstack.core.model.Kubernetes;
import io.github.dualstack.core.rules.ControlPlaneFileFlags.FileFlag;
import io.github.dualstack.core.rules.ControlPlaneFileFlags.Kind;
import io.github.dualstack.core.rules.ControlPlaneFileFlags;
import io.github.dualstack.core.rules.KubeadmVolumes;
import io.github.dualstack.core.rules.Printable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Each component's extraVolumes fit beside kubeadm's own volumes, and every path a file-valued extraArgs flag names
 * is mounted into the component's container: a static pod whose flag names a file it cannot see exits at start.
 */
final class ExtraVolumesRules {

    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9._/@+-]+");

    /** One control-plane component, as the descriptor and kubeadm see it. */
    private record Component(String key, String binary, Map<String, String> extraArgs,
                             List<HostPathMount> extraVolumes, List<HostPathMount> kubeadm, String kubeadmSummary,
                             Map<String, FileFlag> fileFlags) {

        FieldPath path() {
            return Checks.KUBERNETES.child(key);
        }

        List<HostPathMount> mounts() {
            List<HostPathMount> all = new ArrayList<>(kubeadm);
            all.addAll(extraVolumes);
            return all;
        }
    }

    private final Checks c;

    ExtraVolumesRules(Checks c) {
        this.c = c;
    }

    void check() {
        Kubernetes k = c.site.kubernetes();
        check(new Component("apiServer", "kube-apiserver", k.apiServerExtraArgs(), k.apiServerExtraVolumes(),
                KubeadmVolumes.apiServer(), "/etc/kubernetes/pki and the CA certificate directories",
                ControlPlaneFileFlags.API_SERVER));
        check(new Component("controllerManager", "kube-controller-manager", k.controllerManagerExtraArgs(),
                k.controllerManagerExtraVolumes(), KubeadmVolumes.controllerManager(k.controllerManagerExtraArgs()),
                "/etc/kubernetes/pki, the CA certificate directories, its kubeconfig and the flexvolume directory",
                ControlPlaneFileFlags.CONTROLLER_MANAGER));
    }

    private void check(Component comp) {
        volumes(comp);
        FieldPath args = comp.path().child("extraArgs");
        List<HostPathMount> mounts = comp.mounts();
        for (Map.Entry<String, String> e : comp.extraArgs().entrySet()) {
            FileFlag flag = comp.fileFlags().get(e.getKey());
            if (flag == null) {
                continue;
            }
            List<String> paths = flag.paths(e.getValue());
            for (int i = 0; i < paths.size(); i++) {
                String name = paths.size() == 1 ? flag.name() : flag.name() + "-" + (i + 1);
                mounted(comp, args.child(flag.name()), flag, paths.get(i), mounts, name);
            }
        }
    }

    /** Names unique and not kubeadm's, and no two mounts at one mountPath (Kubernetes ValidateVolumeMounts). */
    private void volumes(Component comp) {
        Map<String, HostPathMount> kubeadmByName = new HashMap<>();
        Map<String, String> mountedBy = new HashMap<>();
        for (HostPathMount m : comp.kubeadm()) {
            kubeadmByName.put(m.name(), m);
            if (m.mountPath().startsWith("/")) {   // else its flag is reported: --flex-volume-plugin-dir=plugins
                mountedBy.put(KubeadmVolumes.normalize(m.mountPath()), "kubeadm's volume " + m.name());
            }
        }
        Map<String, Integer> names = new HashMap<>();
        FieldPath list = comp.path().child("extraVolumes");
        for (int i = 0; i < comp.extraVolumes().size(); i++) {
            HostPathMount v = comp.extraVolumes().get(i);
            FieldPath at = list.index(i);
            HostPathMount own = kubeadmByName.get(v.name());
            Integer earlier = names.putIfAbsent(v.name(), i);
            if (own != null) {
                c.error(at.child("name"), quote(v.name()) + " is kubeadm's own volume of " + show(own.hostPath())
                        + " in " + comp.binary() + "; an extra volume of that name would replace it: choose another name");
            } else if (earlier != null) {
                c.error(at.child("name"), quote(v.name()) + " is already the name of extraVolumes[" + earlier + "]");
            }
            String mountPath = KubeadmVolumes.normalize(v.mountPath());
            if (mountPath.equals("/")) {
                c.error(at.child("mountPath"), "must not be / (the container's root, which holds the component itself)");
                continue;
            }
            String other = mountedBy.putIfAbsent(mountPath, "extraVolumes[" + i + "] (" + v.name() + ")");
            if (other != null) {
                c.error(at.child("mountPath"), show(v.mountPath()) + " is already mounted into " + comp.binary() + " by "
                        + other + "; a container mounts each path once");
            }
        }
    }

    private void mounted(Component comp, FieldPath at, FileFlag flag, String path, List<HostPathMount> mounts,
                         String suggestedName) {
        if (!path.startsWith("/")) {
            c.error(at, Printable.quote(path, 200) + " is a relative path, which " + comp.binary() + " would resolve"
                    + " against its working directory in the container; use an absolute path");
            return;
        }
        String normalized = KubeadmVolumes.normalize(path);
        String named = normalized.equals(path) ? show(path) : show(path) + " (that is " + show(normalized) + ")";
        Optional<HostPathMount> mount = KubeadmVolumes.mountOf(normalized, mounts);
        FieldPath extraVolumes = comp.path().child("extraVolumes");
        Optional<String> entry = entry(comp, flag, normalized, suggestedName);
        String add = entry.map(e -> "add " + e + " to " + extraVolumes).orElse("mount it with an entry of " + extraVolumes);
        if (mount.isEmpty()) {
            c.error(at, named + " is not mounted into " + comp.binary() + ", which would exit at start: neither"
                    + " kubeadm's volumes (" + comp.kubeadmSummary() + ") nor " + extraVolumes + " hold it; " + add);
            return;
        }
        HostPathMount m = mount.get();
        if (flag.written() && m.readOnly()) {
            int extra = extraIndex(comp, m);
            String by = extra < 0 ? "kubeadm's volume " + m.name() : "extraVolumes[" + extra + "] (" + m.name() + ")";
            c.error(at, named + " is written by " + comp.binary() + ", but " + by + " mounts " + show(m.mountPath())
                    + " read-only; " + (extra < 0 ? "write it outside kubeadm's volumes, in a directory that an entry of "
                    + extraVolumes + " mounts with readOnly: false" : "set its readOnly to false"));
        }
    }

    private static int extraIndex(Component comp, HostPathMount m) {
        for (int i = 0; i < comp.extraVolumes().size(); i++) {
            if (comp.extraVolumes().get(i) == m) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An extraVolumes entry that would mount {@code path}, in the shape kubeadm documents: a file that is read
     * mounted alone with pathType File, a file that is written through its directory (log rotation adds files
     * beside it), a directory that is written as itself. Empty when that would mount the node's root.
     */
    private static Optional<String> entry(Component comp, FileFlag flag, String path, String name) {
        String host = path;
        PathType type = flag.written() ? PathType.FILE_OR_CREATE : PathType.FILE;
        if (flag.kind() == Kind.WRITTEN_DIRECTORY) {
            type = PathType.DIRECTORY_OR_CREATE;
        } else if (flag.kind() == Kind.WRITTEN_OR_STDOUT && !parent(path).equals("/")) {
            host = parent(path);
            type = PathType.DIRECTORY_OR_CREATE;
        }
        if (host.equals("/")) {
            return Optional.empty();
        }
        return Optional.of("{name: " + freeName(comp, name) + ", hostPath: " + flow(host) + ", mountPath: "
                + flow(host) + ", readOnly: " + !flag.written() + ", pathType: " + type + "}");
    }

    private static String freeName(Component comp, String name) {
        Set<String> taken = new HashSet<>();
        comp.mounts().forEach(m -> taken.add(m.name()));
        String candidate = name;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = name + "-" + n;
        }
        return candidate;
    }

    private static String parent(String normalized) {
        int slash = normalized.lastIndexOf('/');
        return slash <= 0 ? "/" : normalized.substring(0, slash);
    }

    /** A path as a YAML flow scalar the user can paste: plain when that reads back the same, else double-quoted. */
    private static String flow(String path) {
        return PLAIN_PATH.matcher(path).matches() ? path : Printable.quote(path, Integer.MAX_VALUE);
    }

    private static String show(String path) {
        return Printable.escape(path);
    }

    private static String quote(String name) {
        return Printable.quote(name, 80);
    }
}
