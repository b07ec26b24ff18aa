package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.baseline.BaselineLayout.ClusterFile;
import io.github.dualstack.core.baseline.LiveState;
import io.github.dualstack.core.model.Calico;
import io.github.dualstack.core.model.CalicoPool;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.rules.CalicoOperator;
import java.util.Optional;

/**
 * What a running site's Calico operator takes after install (the facts are {@link CalicoOperator}'s): the descriptor
 * says who installed Calico as the baseline shows it; the Installation's pools are never rewritten (the operator
 * matches them by CIDR and deletes one it owns that leaves the list; a pool's block size cannot change); and a pool
 * is added only where the operator will create it: from operator v1.34 (Calico v3.28) on, with Calico's own CNI,
 * with BGP for IPIP and unencapsulated pools, and without VXLAN under host-local IPAM
 * (tigera/operator pkg/controller/installation/validation.go).
 */
final class CalicoOperatorRules {

    private static final FieldPath CALICO = FieldPath.ROOT.child("spec").child("calico");

    private CalicoOperatorRules() {
    }

    static void check(Site site, LiveState live, Problems problems) {
        if (site.calico().isEmpty()) {
            return;
        }
        Calico calico = site.calico().get();
        Optional<LiveState.LiveInstallation> installation = live.calicoInstallation();
        FieldPath installedBy = CALICO.child("installedBy");
        if (!calico.operator()) {
            installation.ifPresent(i -> problems.error(installedBy, "the baseline holds the Tigera operator's"
                    + " Installation (" + i.name() + "): the operator owns calico-node and calico-config and reverts"
                    + " the changes a manifest install gets (projectcalico/calico#6133, #9369); set"
                    + " spec.calico.installedBy: operator"));
            return;
        }
        live.baseline().cluster(ClusterFile.CALICO_NODE).ifPresent(ds -> problems.error(installedBy, "is operator,"
                + " but the baseline holds calico-node from Calico's manifest (" + ds.name() + "), which the operator"
                + " does not run; set installedBy: manifests, or capture the operator's Installation instead"));
        if (installation.isEmpty()) {
            return;   // the baseline loader reports the missing Installation
        }
        LiveState.LiveInstallation i = installation.get();
        if (!i.cniType().equals("Calico")) {
            problems.error(CALICO, "the Installation's spec.cni.type is " + i.cniType() + ": with another CNI"
                    + " plugin Calico's pools assign no pod addresses (the operator allows only nodeSelector all() and"
                    + " no encapsulation there), so the pod addresses of the new family are " + i.cniType()
                    + "'s to give; remove spec.calico");
            return;
        }
        for (IpFamily f : site.ipFamilies()) {
            CalicoPool wanted = calico.pools().get(f);
            if (wanted != null) {
                pool(f, wanted, i, live, problems);
            }
        }
    }

    private static void pool(IpFamily f, CalicoPool wanted, LiveState.LiveInstallation i, LiveState live,
                             Problems problems) {
        FieldPath path = CALICO.child(f.key() + "Pool");
        boolean served = false;
        for (LiveState.LivePool p : i.pools()) {
            if (LiveState.family(p.cidr()).orElse(null) != f) {
                continue;
            }
            if (!LiveSiteRules.sameCidr(p.cidr(), wanted.cidr())) {
                if (!reportedAsIpPool(p, wanted, f, live)) {
                    problems.error(path.child("cidr"), "the Installation's " + f + " pool " + p.name() + " is "
                            + p.cidr() + ": the operator matches pools by CIDR, so this one would be a second " + f
                            + " pool, and a pool it owns that leaves calicoNetwork.ipPools is deleted with the"
                            + " addresses allocated from it (tigera/operator pkg/controller/ippool/pool_controller.go);"
                            + " set " + p.cidr() + ", or migrate the pool first (Calico's migrate-pools procedure)");
                }
            } else {
                served = true;
                if (p.blockSize() != wanted.blockSize()) {
                    problems.error(path.child("blockSize"), "the Installation's pool " + p.name() + " (" + p.cidr()
                            + ") has blockSize " + p.blockSize() + ", which cannot change while blocks are allocated"
                            + " (Calico refuses the update); set " + p.blockSize());
                }
            }
        }
        boolean capturedPool = live.pools().stream().anyMatch(p -> LiveSiteRules.sameCidr(p.cidr(), wanted.cidr()));
        if (served || capturedPool || !i.managesPools()) {
            return;   // nothing is added to the Installation for this family
        }
        i.calicoVersion().ifPresent(v -> {
            if (!CalicoOperator.reconcilesPools(v).orElse(true)) {
                problems.error(path, "the running operator installed Calico " + v + " (the Installation's"
                        + " status.calicoVersion), whose operator reads calicoNetwork.ipPools only at install: the IP"
                        + " pool controller that creates a pool added later came with operator v1.34 (Calico "
                        + CalicoOperator.POOLS_RECONCILED_SINCE + "); upgrade Calico to " + CalicoOperator.POOLS_RECONCILED_SINCE
                        + " or later first");
            }
        });
        CalicoPool.Encapsulation enc = wanted.encapsulation();
        if (i.bgp().equals("Disabled") && !enc.vxlan()) {
            problems.error(path.child("encapsulation"), "the Installation has calicoNetwork.bgp Disabled, and the"
                    + " operator refuses " + (enc.ipip() ? "IPIP" : "unencapsulated") + " pools without BGP"
                    + " (tigera/operator pkg/controller/installation/validation.go); use VXLAN or VXLANCrossSubnet");
        }
        if (i.ipamType().equals("HostLocal") && enc.vxlan()) {
            problems.error(path.child("encapsulation"), "the Installation's CNI uses host-local IPAM, which the"
                    + " operator refuses with VXLAN pools (tigera/operator pkg/controller/installation/validation.go);"
                    + " use IPIP, IPIPCrossSubnet or None");
        }
    }

    /** Whether {@link LiveSiteRules} reports this pool already: it is also a captured IPPool of the default name. */
    private static boolean reportedAsIpPool(LiveState.LivePool p, CalicoPool wanted, IpFamily f, LiveState live) {
        String name = "default-" + f.key() + "-ippool";
        return p.name().equals(name) && live.pools().stream()
                .anyMatch(c -> c.name().equals(name) && !LiveSiteRules.sameCidr(c.cidr(), wanted.cidr()));
    }
}
