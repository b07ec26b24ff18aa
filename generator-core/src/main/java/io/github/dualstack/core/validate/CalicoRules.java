package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.model.Calico;
import io.github.dualstack.core.model.CalicoPool;
import io.github.dualstack.core.model.IpFamily;
import io.github.dualstack.core.net.Cidr;
import io.github.dualstack.core.net.IpLiterals;
import io.github.dualstack.core.rules.CalicoIpPool;
import io.github.dualstack.core.rules.Dns1123;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Calico IPPools and autodetection methods (reference kubernetes-dualstack.md section 7). */
final class CalicoRules {

    private static final FieldPath CALICO = Checks.SPEC.child("calico");
    /** A URL scheme, scp-like git address or kustomize's host/org/repo remote forms. */
    private static final Pattern REMOTE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:|^[^/]+@[^/]+:|\\?ref=|"
            + "^(github\\.com|gitlab\\.com|bitbucket\\.org)/");
    /** Constructs Go's RE2 (which calico-node uses) does not have. */
    private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?<?[=!]|\\\\[1-9]|\\(\\?<[A-Za-z]|[*+?}][+]");

    private final Checks c;
    private final NetworkRules.Subnets subnets;

    CalicoRules(Checks c, NetworkRules.Subnets subnets) {
        this.c = c;
        this.subnets = subnets;
    }

    void check() {
        if (c.site.calico().isEmpty()) {
            return;
        }
        Calico calico = c.site.calico().get();
        for (IpFamily f : IpFamily.values()) {
            FieldPath path = CALICO.child(f.key() + "Pool");
            boolean wanted = c.families().contains(f);
            CalicoPool pool = calico.pools().get(f);
            if (wanted && pool == null) {
                c.error(path, "is required: the site's ipFamilies include " + f);
            } else if (!wanted && pool != null) {
                c.error(path, "is not allowed: the site's ipFamilies are " + c.families() + " (no " + f + ")");
            } else if (pool != null) {
                pool(path, pool, f);
            }
        }
        calico.base().ifPresent(b -> base(CALICO.child("base"), b));
        FieldPath auto = CALICO.child("autodetection");
        for (IpFamily f : IpFamily.values()) {
            if (!calico.autodetection().has(f)) {
                continue;
            }
            if (!c.families().contains(f)) {
                c.error(auto.child(f.key()), "is not allowed: the site's ipFamilies are " + c.families() + " (no " + f + ")");
            } else {
                String why = autodetectionProblem(calico.autodetection().get(f), f);
                if (why != null) {
                    c.error(auto.child(f.key()), why);
                }
            }
        }
    }

    private void pool(FieldPath path, CalicoPool pool, IpFamily f) {
        Cidr cidr = pool.cidr();
        if (cidr == null) {
            c.rejected(path.child("cidr"));
        }
        if (!CalicoIpPool.isBlockSize(f, pool.blockSize())) {
            c.error(path.child("blockSize"), f + " block size must be between " + CalicoIpPool.minBlockSize(f) + " and "
                    + CalicoIpPool.maxBlockSize(f) + " (Calico)");
        }
        if (cidr == null) {
            return;
        }
        int prefix = cidr.prefixLength();
        if (!CalicoIpPool.holdsABlock(prefix, pool.blockSize())) {
            c.error(path.child("blockSize"), "block size /" + pool.blockSize() + " is larger than the pool /" + prefix
                    + "; IP pool size is too small for use with Calico IPAM. It must be equal to or greater than the block size.");
        }
        Cidr pods = subnets.pods().get(f);
        if (pods != null && !pods.contains(cidr)) {
            c.error(path.child("cidr"), "must lie within the " + f + " pod subnet " + pods);
        }
        String clash = ReservedRanges.subnetClash(cidr);
        if (clash != null) {
            c.error(path.child("cidr"), clash);
        }
    }

    /**
     * kustomize accepts URLs and absolute paths as resources, so a descriptor could make every `kubectl apply -k`
     * of the tree fetch or read anything; the base is a directory of the repository, named relative to cluster/.
     */
    private void base(FieldPath path, String base) {
        String why = baseProblem(base);
        if (why != null) {
            c.error(path, why);
        } else if (c.placement.isPresent() && !c.placement.get().containsFromCluster(base)) {
            c.error(path, "leads outside the repository (" + c.placement.get().repositoryRoot() + ") from the generated"
                    + " cluster/ directory; keep the upstream Calico manifests in the repository and name that directory");
        }
    }

    static String baseProblem(String base) {
        if (REMOTE.matcher(base).find()) {
            return "must be a directory of the repository, relative to the generated cluster/ directory; remote bases"
                    + " (URLs, git references) are not accepted: vendor the upstream Calico manifests into the repository";
        }
        if (base.startsWith("/") || base.contains("\\")) {
            return "must be a relative '/'-separated path from the generated cluster/ directory, not an absolute path";
        }
        for (String seg : base.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) {
                return "has an empty or '.' segment; write it as a plain relative path such as ../../upstream/calico";
            }
        }
        return null;
    }

    /** Why a calico-node IP(6)_AUTODETECTION_METHOD value would make calico-node exit, or null. */
    static String autodetectionProblem(String method, IpFamily f) {
        if (method.equals("first-found") || method.equals("kubernetes-internal-ip")) {
            return null;
        }
        int eq = method.indexOf('=');
        String kind = eq < 0 ? method : method.substring(0, eq);
        String arg = eq < 0 ? "" : method.substring(eq + 1);
        switch (kind) {
            case "can-reach":
                if (arg.isEmpty()) {
                    return "can-reach= needs an address or host name";
                }
                if (Dns1123.isSubdomain(arg) && !arg.matches("[0-9.]+")) {
                    return null;
                }
                try {
                    IpLiterals.address(arg, f);
                    return null;
                } catch (IpLiterals.InvalidLiteral e) {
                    return "can-reach= target " + e.getMessage();
                }
            case "interface":
            case "skip-interface":
                return regexesProblem(kind, arg);
            case "cidr":
                if (arg.isEmpty()) {
                    return "cidr= needs at least one CIDR";
                }
                for (String cidr : arg.split("\\s*,\\s*", -1)) {
                    try {
                        IpLiterals.cidr(cidr, f);
                    } catch (IpLiterals.InvalidLiteral e) {
                        return "cidr= entry '" + cidr + "' " + e.getMessage();
                    }
                }
                return null;
            default:
                return "Invalid IP autodetection method: " + method + " (use first-found, kubernetes-internal-ip, "
                        + "can-reach=, interface=, skip-interface= or cidr=)";
        }
    }

    private static String regexesProblem(String kind, String arg) {
        if (arg.isEmpty()) {
            return kind + "= needs at least one regular expression";
        }
        // calico-node splits the list on commas, so a comma can never be part of one regex.
        for (String re : arg.split("\\s*,\\s*", -1)) {
            if (re.isEmpty()) {
                return kind + "= has an empty regular expression; ',' separates regexes and cannot be part of one";
            }
            if (NOT_RE2.matcher(re).find()) {
                return kind + "= regex '" + re + "' uses lookaround, backreferences or possessive quantifiers, which Go's RE2 lacks";
            }
            try {
                Pattern.compile(re);
            } catch (PatternSyntaxException e) {
                return kind + "= regex '" + re + "' does not compile: " + e.getDescription()
                        + "; note that ',' separates regexes and cannot be part of one";
            }
        }
        return null;
    }
}
