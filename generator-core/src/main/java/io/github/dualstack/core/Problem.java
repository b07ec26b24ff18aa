package io.github.dualstack.core;

/**
 * One thing wrong (or worth a warning) in a descriptor, located at {@code file:line:column}. {@code path} is the
 * field in dotted form ({@code spec.nodes[0].addresses.ipv6}), empty for the document itself.
 */
public record Problem(String file, int line, int column, String path, Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code site.yaml:14:11: spec.kubernetes.serviceSubnets.ipv6: message}, warnings marked after the location. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(':').append(line).append(':').append(column).append(": ");
        if (severity == Severity.WARNING) {
            sb.append("warning: ");
        }
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
