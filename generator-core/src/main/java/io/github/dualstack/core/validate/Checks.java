package io.github.dualstack.core.validate;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.net.IpLiterals;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Site;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What every rule needs: the site, the literals that bound as absent in it, and the problem sink. */
final class Checks {

    static final FieldPath SPEC = FieldPath.ROOT.child("spec");
    static final FieldPath KUBERNETES = SPEC.child("kubernetes");
    static final FieldPath CLOUD_CORE = SPEC.child("cloudCore");
    static final FieldPath EDGE_NODES = SPEC.child("edge").child("nodes");

    final Site site;
    final List<RejectedLiteral> rejected;
    private final Set<FieldPath> rejectedPaths = new HashSet<>();
    final Problems problems;
    /** Where the tree goes; empty for validate, which has no tree. */
    final Optional<Placement> placement;

    Checks(Site site, List<RejectedLiteral> rejected, Problems problems, Optional<Placement> placement) {
        this.site = site;
        this.rejected = rejected;
        rejected.forEach(r -> rejectedPaths.add(r.path()));
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

    /** Whether the literal at {@code path} was written but did not parse: absent in the site, yet not missing. */
    boolean rejected(FieldPath path) {
        return !rejectedPaths.isEmpty() && rejectedPaths.contains(path);
    }

    /** Whether the pair's value of the family was written, parsed or not. */
    boolean written(FieldPath pairPath, FamilyPair<?> pair, IpFamily f) {
        return pair.has(f) || rejected(pairPath.child(f.key()));
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

    /** Canonical family name of a parsed address. */
    static IpFamily family(IPAddress a) {
        return IpLiterals.family(a);
    }
}
