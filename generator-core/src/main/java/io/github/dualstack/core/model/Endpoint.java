package io.github.dualstack.core.model;

/**
 * A host:port, or a URL naming one (an etcd server), parsed; {@code text} is written into the generated files as
 * it stands, as kubeadm and kube-apiserver read it.
 */
public record Endpoint(String text, Host host, int port) {
}
