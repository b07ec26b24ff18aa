package io.github.dualstack.core.validate;

import static io.github.dualstack.core.validate.Verdicts.dual;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.model.IpFamily;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** IPPool limits, autodetection methods calico-node accepts, and where calico.base may point. */
class CalicoRulesTest {

    static Stream<Arguments> pools() {
        return Stream.of(
                Arguments.of("IPv4 block size under 20", dual().replace("blockSize: 26", "blockSize: 19"),
                        "spec.calico.ipv4Pool.blockSize: IPv4 block size must be between 20 and 32 (Calico)"),
                Arguments.of("IPv6 block size under 116", dual().replace("blockSize: 122", "blockSize: 115"),
                        "spec.calico.ipv6Pool.blockSize: IPv6 block size must be between 116 and 128 (Calico)"),
                Arguments.of("pool smaller than a block", dual().replace("cidr: 10.244.0.0/16", "cidr: 10.244.0.0/27"),
                        "spec.calico.ipv4Pool.blockSize: block size /26 is larger than the pool /27; IP pool size is too"
                                + " small for use with Calico IPAM. It must be equal to or greater than the block size."),
                Arguments.of("pool outside the pod subnet", dual().replace("cidr: 10.244.0.0/16", "cidr: 10.245.0.0/16"),
                        "spec.calico.ipv4Pool.cidr: must lie within the IPv4 pod subnet 10.244.0.0/16"),
                Arguments.of("pool in a reserved range", dual().replace("cidr: 10.244.0.0/16", "cidr: 169.254.0.0/16"),
                        "spec.calico.ipv4Pool.cidr: overlaps the IPv4 link-local range 169.254.0.0/16"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pools")
    void pools(String name, Verdicts.Edit edit, String problem) {
        assertThat(edit.errors()).contains(problem);
    }

    @ParameterizedTest(name = "{1} block {2}")
    @CsvSource({"IPv4 pool of exactly one block, 'cidr: 10.244.0.0/16', 'cidr: 10.244.0.0/26'",
            "IPv4 block size 32, 'blockSize: 26', 'blockSize: 32'",
            "IPv6 block size 116, 'blockSize: 122', 'blockSize: 116'",
            "IPv6 block size 128, 'blockSize: 122', 'blockSize: 128'"})
    void acceptedPools(String name, String from, String to) {
        assertThat(dual().replace(from, to).errors()).as(name).isEmpty();
    }

    private static final String NAME_254 = ("a".repeat(63) + ".").repeat(3) + "a".repeat(62);

    @ParameterizedTest(name = "{1} {0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            first-found                 | IPv4 | -
            kubernetes-internal-ip      | IPv6 | -
            can-reach=cloud.example.com | IPv4 | -
            can-reach=192.0.2.1         | IPv4 | -
            can-reach=2001:db8::1       | IPv6 | -
            can-reach=2001:db8::1       | IPv4 | can-reach= target must be an IPv4 address, got IPv6 2001:db8::1
            can-reach=                  | IPv4 | can-reach= needs an address or host name
            can-reach=10.0.0.256        | IPv4 | can-reach= target must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)
            interface=^eth0$            | IPv4 | -
            interface=^eth0$,^ens.*     | IPv6 | -
            interface=                  | IPv4 | interface= needs at least one regular expression
            interface=eth0,,eth1        | IPv4 | interface= has an empty regular expression; ',' separates regexes and cannot be part of one
            skip-interface=(?!eth)      | IPv4 | skip-interface= regex '(?!eth)' uses lookaround, backreferences or possessive quantifiers, which Go's RE2 lacks
            interface=(a)\\1            | IPv4 | interface= regex '(a)\\1' uses lookaround, backreferences or possessive quantifiers, which Go's RE2 lacks
            interface=eth[0             | IPv4 | interface= regex 'eth[0' does not compile: Unclosed character class; note that ',' separates regexes and cannot be part of one
            cidr=192.0.2.0/24           | IPv4 | -
            cidr=192.0.2.0/24, 10.0.0.0/8 | IPv4 | -
            cidr=                       | IPv4 | cidr= needs at least one CIDR
            cidr=10.0.0.1/8             | IPv4 | cidr= entry '10.0.0.1/8' must not have bits set beyond the prefix length; did you mean 10.0.0.0/8?
            cidr=2001:db8::/64          | IPv4 | cidr= entry '2001:db8::/64' must be an IPv4 CIDR, got IPv6 2001:db8::/64
            first_found                 | IPv4 | Invalid IP autodetection method: first_found (use first-found, kubernetes-internal-ip, can-reach=, interface=, skip-interface= or cidr=)
            """)
    void autodetection(String method, IpFamily family, String problem) {
        assertThat(CalicoRules.autodetectionProblem(method, family)).isEqualTo(problem);
    }

    /** A can-reach= host name is held to IsDNS1123Subdomain, length included. */
    @Test
    void canReachHostNamesAreDns1123Subdomains() {
        assertThat(CalicoRules.autodetectionProblem("can-reach=" + NAME_254.substring(1), IpFamily.IPv4)).isNull();
        assertThat(CalicoRules.autodetectionProblem("can-reach=" + NAME_254, IpFamily.IPv4))
                .isEqualTo("can-reach= target must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            ../../upstream/calico                     | -
            vendor/calico                             | -
            https://github.com/projectcalico/calico   | must be a directory of the repository, relative to the generated cluster/ directory; remote bases (URLs, git references) are not accepted: vendor the upstream Calico manifests into the repository
            github.com/projectcalico/calico/manifests | must be a directory of the repository, relative to the generated cluster/ directory; remote bases (URLs, git references) are not accepted: vendor the upstream Calico manifests into the repository
            git@github.com:projectcalico/calico       | must be a directory of the repository, relative to the generated cluster/ directory; remote bases (URLs, git references) are not accepted: vendor the upstream Calico manifests into the repository
            ../calico?ref=v3.30.0                     | must be a directory of the repository, relative to the generated cluster/ directory; remote bases (URLs, git references) are not accepted: vendor the upstream Calico manifests into the repository
            /srv/calico                               | must be a relative '/'-separated path from the generated cluster/ directory, not an absolute path
            ..\\\\calico                              | must be a relative '/'-separated path from the generated cluster/ directory, not an absolute path
            ../..//calico                             | has an empty or '.' segment; write it as a plain relative path such as ../../upstream/calico
            ./calico                                  | has an empty or '.' segment; write it as a plain relative path such as ../../upstream/calico
            calico/                                   | has an empty or '.' segment; write it as a plain relative path such as ../../upstream/calico
            """)
    void base(String base, String problem) {
        assertThat(CalicoRules.baseProblem(base)).isEqualTo(problem);
    }
}
