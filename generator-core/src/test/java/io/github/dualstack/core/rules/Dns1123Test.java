package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IsDNS1123Label and IsDNS1123Subdomain verdicts, and the schema spelling the same rules. */
class Dns1123Test {

    private static final String LABEL_63 = "a".repeat(63);
    private static final String SUBDOMAIN_253 = (LABEL_63 + ".").repeat(3) + "a".repeat(61);

    @ParameterizedTest(name = "{0}: label {1}, subdomain {2}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            my-name        | true  | true
            123-abc        | true  | true
            a              | true  | true
            example.com    | false | true
            a.b-c.d        | false | true
            ''             | false | false
            -a             | false | false
            a-             | false | false
            My-Name        | false | false
            a_b            | false | false
            a..b           | false | false
            .a             | false | false
            a.             | false | false
            a b            | false | false
            """)
    void verdicts(String name, boolean label, boolean subdomain) {
        assertThat(Dns1123.isLabel(name)).as("label").isEqualTo(label);
        assertThat(Dns1123.isSubdomain(name)).as("subdomain").isEqualTo(subdomain);
    }

    @Test
    void lengthsAreKubernetesMaxLengths() {
        assertThat(SUBDOMAIN_253).hasSize(253);
        assertThat(Dns1123.isLabel(LABEL_63)).isTrue();
        assertThat(Dns1123.isLabel(LABEL_63 + "a")).isFalse();
        assertThat(Dns1123.isSubdomain(SUBDOMAIN_253)).isTrue();
        assertThat(Dns1123.isSubdomain(SUBDOMAIN_253 + "a")).isFalse();
    }

    /** The schema cannot call Java: its patterns are a second spelling, kept equal here. */
    @Test
    void theSchemaSpellsTheSameRules() throws IOException {
        JsonNode defs;
        try (InputStream in = Dns1123Test.class.getResourceAsStream("/io/github/dualstack/schemas/site.schema.json")) {
            defs = new ObjectMapper().readTree(in).path("$defs");
        }
        assertThat(defs.path("dnsLabel").path("pattern").asText()).isEqualTo("^" + Dns1123.LABEL_FORMAT + "$");
        assertThat(defs.path("dnsLabel").path("maxLength").asInt()).isEqualTo(Dns1123.LABEL_MAX_LENGTH);
        assertThat(defs.path("dnsSubdomain").path("pattern").asText()).isEqualTo("^" + Dns1123.SUBDOMAIN_FORMAT + "$");
        assertThat(defs.path("dnsSubdomain").path("maxLength").asInt()).isEqualTo(Dns1123.SUBDOMAIN_MAX_LENGTH);
    }
}
