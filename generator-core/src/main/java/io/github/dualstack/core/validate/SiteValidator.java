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

    /**
     * {@code rejected}: the literals the binder could not parse, reported where the rules would read them and
     * absent otherwise. With a placement, the rules that depend on where the tree goes run too.
     */
    public void validate(Site site, RejectedLiterals rejected, Problems problems, Optional<Placement> placement) {
        Checks c = new Checks(site, rejected, problems, placement);
        NetworkRules.Subnets subnets = new NetworkRules(c).check();
        new NodeRules(c, subnets).check();
        new EdgeFleetRules(c, subnets).check();
        new CalicoRules(c, subnets).check();
        new CloudCoreRules(c, subnets).check();
        new EdgeCoreRules(c, subnets).check();
        new ExtraArgsRules(c).check();
        new ExtraVolumesRules(c).check();
        new KubeadmBootstrapRules(c).check();
        // getMetrics looks the session up by strings.Split(Host, ":")[0]: "[2001" for an IPv6 Host, and an IPv4 one
        // never equals the "v4,v6" nodeIP that edgestream registers as the session key. So every edge with an IPv6
        // address, known or discovered, loses metrics, whichever family is primary; the runbook states it too.
        if (site.edgeNodes().stream().anyMatch(e -> e.hasFamily(IpFamily.IPv6))) {
            c.warn(Checks.SPEC.child("ipFamilies"), "metrics-server and kubectl top get no metrics from edge nodes:"
                    + " CloudStream's metrics path finds a session only for an edge whose nodeIP is one IPv4 address;"
                    + " kubectl logs and exec work through the control-plane redirect (README.md, CloudStream step)");
        }
    }
}
