package io.github.dualstack.core.rules;

import java.util.function.LongUnaryOperator;

/**
 * The CloudCore settings that KubeEdge derives from {@code modules.cloudHub.nodeLimit}: {@code AdjustCloudCoreConfig}
 * in kubeedge/kubeedge staging/src/github.com/kubeedge/api/apis/componentconfig/cloudcore/v1alpha1/default.go runs
 * at every start and, when a value differs, rewrites CloudCore's own ConfigMap (cloud/cmd/cloudcore/app/server.go),
 * which a GitOps tool then reverts. qps and burst must equal their formula; the others must reach it.
 * {@code NewDefaultCloudCoreConfig} uses the same formulas with {@code DefaultNodeLimit}, so an omitted key holds
 * {@link #goDefault()}.
 */
public enum CloudCoreTuning {
    QPS("kubeAPIConfig.qps", true, n -> 5 * n),
    BURST("kubeAPIConfig.burst", true, n -> 10 * n),
    QUERY_NODE_WORKERS("modules.edgeController.load.queryNodeWorkers", false, n -> n),
    PATCH_NODE_WORKERS("modules.edgeController.load.patchNodeWorkers", false, n -> 100 + n / 50),
    CREATE_LEASE_WORKERS("modules.edgeController.load.createLeaseWorkers", false, n -> n),
    PATCH_NODE_BUFFER("modules.edgeController.buffer.patchNode", false, n -> 1024 + n / 2),
    QUERY_NODE_BUFFER("modules.edgeController.buffer.queryNode", false, n -> 1024 + n),
    CREATE_LEASE_BUFFER("modules.edgeController.buffer.createLease", false, n -> 1024 + n);

    /** {@code constants.DefaultNodeLimit} (staging/src/github.com/kubeedge/api/apis/common/constants/default.go). */
    public static final long DEFAULT_NODE_LIMIT = 500;

    private final String path;
    private final boolean exact;
    private final LongUnaryOperator formula;

    CloudCoreTuning(String path, boolean exact, LongUnaryOperator formula) {
        this.path = path;
        this.exact = exact;
        this.formula = formula;
    }

    /** The dotted key in cloudcore.yaml. */
    public String path() {
        return path;
    }

    /** Whether AdjustCloudCoreConfig wants exactly {@link #at}, rather than at least. */
    public boolean exact() {
        return exact;
    }

    /** The value AdjustCloudCoreConfig computes for this nodeLimit (Go's integer division). */
    public long at(long nodeLimit) {
        return formula.applyAsLong(nodeLimit);
    }

    /** The Go default of the key, when cloudcore.yaml omits it. */
    public long goDefault() {
        return at(DEFAULT_NODE_LIMIT);
    }

    /** Whether cloudcore would change {@code value} at start-up. */
    public boolean wouldAdjust(long value, long nodeLimit) {
        long want = at(nodeLimit);
        return exact ? value != want : value < want;
    }
}
