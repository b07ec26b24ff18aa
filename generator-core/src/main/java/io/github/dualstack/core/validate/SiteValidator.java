package io.github.dualstack.core.validate;

import io.github.dualstack.core.Problems;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Site;
import java.util.Optional;

/**
 * The semantic rules that the schema cannot express: address math with IPAddress, cross-field consistency and
 * upstream limits. Runs only on a schema-valid, defaulted site; reports every problem, never throws for bad input.
 */
public final class SiteValidator {

    public void validate(Site site, Problems problems) {
        validate(site, problems, Optional.empty());
    }

    /** As above; with a placement, the rules that depend on where the tree goes run too. */
    public void validate(Site site, Problems problems, Optional<Placement> placement) {
        Checks c = new Checks(site, problems, placement);
        NetworkRules.Subnets subnets = new NetworkRules(c).check();
        new NodeRules(c, subnets).check();
        new EdgeFleetRules(c, subnets).check();
        new CalicoRules(c, subnets).check();
        new CloudCoreRules(c, subnets).check();
        new ExtraArgsRules(c).check();
        new ExtraVolumesRules(c).check();
        if (site.isDualStack() && site.primaryFamily() == IpFamily.IPv6 && !site.edgeNodes().isEmpty()) {
            c.warn(Checks.SPEC.child("ipFamilies"), "edge nodes will report their IPv6 address first (modules.edged.nodeIP);"
                    + " CloudStream's iptables path is IPv4-only, so kubectl logs and exec to edge pods may fail");
        }
    }
}
