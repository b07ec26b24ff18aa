package io.github.dualstack.core.validate;

import inet.ipaddr.IPAddress;
import io.github.dualstack.core.net.IpLiterals;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.model.EdgeNode;
import io.github.dualstack.core.model.FamilyPair;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Site;
import java.util.List;
import java.util.Optional;

/** What every rule needs: the site, the problem sink and strict literal parsing that reports instead of throwing. */
final class Checks {

    static final FieldPath SPEC = FieldPath.ROOT.child("spec");
    static final FieldPath KUBERNETES = SPEC.child("kubernetes");
    static final FieldPath CLOUD_CORE = SPEC.child("cloudCore");
    static final FieldPath EDGE_NODES = SPEC.child("edge").child("nodes");

    final Site site;
    final Problems problems;
    /** Where the tree goes; empty for validate, which has no tree. */
    final Optional<Placement> placement;

    Checks(Site site, Problems problems, Optional<Placement> placement) {
        this.site = site;
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

    /** The parsed CIDR, or null after reporting why it is not one. */
    IPAddress cidr(FieldPath path, String text, IpFamily family) {
        try {
            return IpLiterals.cidr(text, family);
        } catch (IpLiterals.InvalidLiteral e) {
            error(path, e.getMessage());
            return null;
        }
    }

    /** The parsed address of the family (any family when null), or null after reporting why it is not one. */
    IPAddress address(FieldPath path, String text, IpFamily family) {
        try {
            return family == null ? IpLiterals.address(text) : IpLiterals.address(text, family);
        } catch (IpLiterals.InvalidLiteral e) {
            error(path, e.getMessage());
            return null;
        }
    }

    /** A pair must name exactly the site's families: a missing one and a foreign one are both errors. */
    boolean exactFamilies(FieldPath path, FamilyPair<?> pair) {
        boolean ok = true;
        for (IpFamily f : IpFamily.values()) {
            boolean wanted = families().contains(f);
            if (wanted && !pair.has(f)) {
                error(path.child(f.key()), "is required: the site's ipFamilies include " + f);
                ok = false;
            } else if (!wanted && pair.has(f)) {
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

    /** Canonical family name of a parsed address. */
    static IpFamily family(IPAddress a) {
        return IpLiterals.family(a);
    }
}
