package io.github.dualstack.core.model;

/**
 * A host file or directory mounted into a control-plane container, as kubeadm's {@code HostPathMount}
 * (cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go): a hostPath volume {@code name} of {@code hostPath} and its mount
 * at {@code mountPath}.
 */
public record HostPathMount(String name, String hostPath, String mountPath, boolean readOnly, PathType pathType) {

    /** Kubernetes' {@code HostPathType} (k8s.io/api/core/v1); {@link #toString()} is its spelling. */
    public enum PathType {
        /** {@code ""}: no check before the mount; kubeadm's default for an extra volume. */
        UNSET(""),
        DIRECTORY_OR_CREATE("DirectoryOrCreate"),
        DIRECTORY("Directory"),
        FILE_OR_CREATE("FileOrCreate"),
        FILE("File"),
        SOCKET("Socket"),
        CHAR_DEVICE("CharDevice"),
        BLOCK_DEVICE("BlockDevice");

        private final String spelling;

        PathType(String spelling) {
            this.spelling = spelling;
        }

        /** The type Kubernetes spells {@code text}. */
        public static PathType of(String text) {
            for (PathType t : values()) {
                if (t.spelling.equals(text)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no hostPath type " + text);
        }

        @Override
        public String toString() {
            return spelling;
        }
    }
}
