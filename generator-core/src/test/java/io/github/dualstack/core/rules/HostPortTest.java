package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's net.JoinHostPort and net.SplitHostPort, case by case (the verdicts are Go's, golang/go src/net/ipsock.go). */
class HostPortTest {

    @ParameterizedTest(name = "join({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            192.0.2.10            | 6443  | 192.0.2.10:6443
            2001:db8::10          | 6443  | [2001:db8::10]:6443
            ::                    | 10000 | [::]:10000
            cloudcore.example.com | 10000 | cloudcore.example.com:10000
            fe80::1%eth0          | 80    | [fe80::1%eth0]:80
            host%zone             | 80    | [host%zone]:80
            """)
    void joinBracketsOnlyHostsWithAColonOrAZone(String host, int port, String expected) throws HostPort.Invalid {
        assertThat(HostPort.join(host, port)).isEqualTo(expected);
        HostPort.Parts back = HostPort.split(expected);
        assertThat(back.host()).isEqualTo(host);
        assertThat(back.port()).isEqualTo(String.valueOf(port));
    }

    @ParameterizedTest(name = "https({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2001:db8::10 | 10002 | https://[2001:db8::10]:10002
            192.0.2.10   | 10002 | https://192.0.2.10:10002
            """)
    void httpsUrlsUseTheJoinedForm(String host, int port, String expected) {
        assertThat(HostPort.https(host, port)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "split({0}) = {1} | {2} | bracketed {3}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            localhost:80         | localhost    | 80   | false
            192.0.2.10:6443      | 192.0.2.10   | 6443 | false
            [2001:db8::10]:6443  | 2001:db8::10 | 6443 | true
            [::1]:               | ::1          | ''   | true
            :80                  | ''           | 80   | false
            [fe80::1%eth0]:80    | fe80::1%eth0 | 80   | true
            """)
    void splitTakesThePortAfterTheLastColon(String text, String host, String port, boolean bracketed) throws HostPort.Invalid {
        assertThat(HostPort.split(text)).isEqualTo(new HostPort.Parts(host, port, bracketed));
    }

    @ParameterizedTest(name = "split({0}) fails: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            localhost             | missing port in address
            [2001:db8::10]        | missing port in address
            [2001:db8::10]6443    | missing port in address
            [::1]]:80             | missing port in address
            2001:db8::10:6443     | too many colons in address
            [2001:db8::10]:80:90  | too many colons in address
            [2001:db8::10:6443    | missing ']' in address
            host%eth0:80          | missing brackets in address
            a[b:80                | unexpected '[' in address
            [a[b]:80              | unexpected '[' in address
            a]b:80                | unexpected ']' in address
            """)
    void splitRefusesWhatGoRefuses(String text, String reason) {
        assertThatThrownBy(() -> HostPort.split(text)).isInstanceOf(HostPort.Invalid.class).hasMessage(reason);
    }
}
