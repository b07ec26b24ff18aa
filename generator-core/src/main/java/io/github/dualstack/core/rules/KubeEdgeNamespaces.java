package io.github.dualstack.core.rules;

/**
 * Where CloudCore keeps its certificate secrets ({@code casecret}, {@code cloudcoresecret}, {@code tokensecret})
 * and its tunnel-port record: always the hard-coded system namespace (kubeedge/kubeedge
 * {@code common/constants/default.go}, {@code SystemNamespace = "kubeedge"}), whatever namespace CloudCore itself runs
 * in.
 */
public final class KubeEdgeNamespaces {

    public static final String SECRETS = "kubeedge";

    private KubeEdgeNamespaces() {
    }
}
