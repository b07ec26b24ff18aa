package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Site;
import java.util.List;
import java.util.Optional;
import java.util.function.ObjIntConsumer;

/** What every rule needs: the site, the literals of it that did not parse, and the problem sink. */
final class Checks {

    static final FieldPath SPEC = FieldPath.ROOT.child("spec");
    static final FieldPath KUBERNETES = SPEC.child("kubernetes");
    static final FieldPath CLOUD_CORE = SPEC.child("cloudCore");
    static final FieldPath EDGE_NODES = SPEC.child("edge").child("nodes");

    final Site site;
    final Problems problems;
    private final RejectedLiterals rejected;
    /** Where the tree goes; empty for validate, which has no tree. */
    final Optional<Placement> placement;

    Checks(Site site, RejectedLiterals rejected, Problems problems, Optional<Placement> placement) {
        this.site = site;
        this.rejected = rejected;
        this.problems = problems;
        this.placement = placement;
    }

    List<IpFamily> families() {
        return site.ipFamilies();
    }

    void error(FieldPath path, String message) {
        problems.error(path, message);
    }

    void warn(FieldPath path, String message) {
        problems.warn(path, message);
    }

    /** How a message names another field: its path, or its place in the inventory it comes from. */
    String reference(FieldPath path) {
        return problems.reference(path);
    }

    /**
     * Reports the literal at {@code path} that the binder could not parse, where a rule would have read it; true
     * when there was one. The rule then skips the value as absent.
     */
    boolean rejected(FieldPath path) {
        List<String> why = rejected.why(path);
        if (why != null) {
            why.forEach(w -> error(path, w));
        }
        return why != null;
    }

    /**
     * Walks a list that the binder bound without its entries that did not parse: reports each of those at its index,
     * in turn, and hands every parsed entry to {@code each} with the index it was written at.
     */
    <T> void eachWritten(FieldPath list, List<T> parsed, ObjIntConsumer<T> each) {
        int i = 0;
        for (T value : parsed) {
            while (rejected(list.index(i))) {
                i++;
            }
            each.accept(value, i++);
        }
        while (rejected(list.index(i))) {
            i++;
        }
    }

    /** Whether the pair at {@code path} has a value of the family: a parsed one, or one written that did not parse. */
    boolean written(FieldPath path, FamilyPair<?> pair, IpFamily f) {
        return pair.has(f) || (!rejected.isEmpty() && rejected.contains(path.child(f.key())));
    }

    /** A pair must name exactly the site's families: a missing one and a foreign one are both errors. */
    boolean exactFamilies(FieldPath path, FamilyPair<?> pair) {
        boolean ok = true;
        for (IpFamily f : IpFamily.values()) {
            boolean wanted = families().contains(f);
            boolean written = written(path, pair, f);
            if (wanted && !written) {
                error(path.child(f.key()), "is required: the site's ipFamilies include " + f);
                ok = false;
            } else if (!wanted && written) {
                error(path.child(f.key()), "is not allowed: the site's ipFamilies are " + families() + " (no " + f + ")");
                ok = false;
            }
        }
        return ok;
    }

    /** Where an edge node is declared: its own field, under spec.edge.nodes or a group. */
    static FieldPath edgePath(Site site, EdgeNode e) {
        FieldPath declared = e.fleet().declaredAt();
        return declared != null ? declared : EDGE_NODES.index(site.edgeNodes().indexOf(e));
    }
}
