package io.github.dualstack.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.Problems;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The parser's shortcut past the YAML 1.1 resolver, held to the resolver itself. */
class LinearYamlFactoryTest {

    @Test
    void everyScalarTakenAsTextAtOnceIsOneTheResolverReadsAsAString() {
        Random random = new Random(16);
        // Every character the integer, float and timestamp patterns know, and then only those of numbers.
        assertThat(takenAsTextAtOnce(random, "0123456789._/:-+eExXbBoacdfinINtTzZ ~")).isGreaterThan(40_000);
        assertThat(takenAsTextAtOnce(random, "0123456789._:/eE+-")).isGreaterThan(40_000);
    }

    /** How many of 200,000 random scalars the shortcut took; each one checked against the resolver. */
    private static int takenAsTextAtOnce(Random random, String alphabet) {
        Resolver resolver = new Resolver();
        int taken = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder().append((char) ('0' + random.nextInt(10)));
            for (int n = random.nextInt(20); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = s.toString();
            if (LinearYamlFactory.Parser.surelyText(value)) {
                taken++;
                assertThat(resolver.resolve(NodeId.scalar, value, true)).as(value).isEqualTo(Tag.STR);
            }
        }
        return taken;
    }

    @Test
    void numbersDatesAndWordsStillGoToTheResolver() {
        for (String v : new String[] {"1.5", "10", "010", "0x1F", "1:20", "2026-12-03", "2026-12-03t10:00:00.5Z", "1e3",
                ".5", "yes", "null", "a.b.c", "-1.2.3", ""}) {
            assertThat(LinearYamlFactory.Parser.surelyText(v)).as(v).isFalse();
        }
        for (String v : new String[] {"10.0.0.1", "10.244.0.0/16", "1/2", "1.2.3"}) {
            assertThat(LinearYamlFactory.Parser.surelyText(v)).as(v).isTrue();
        }
    }

    @Test
    void aDescriptorReadsAddressesAsTextAndNumbersAsNumbers() {
        Problems problems = new Problems("site.yaml", p -> new int[] {1, 1});
        StrictYamlReader.Reading r = new StrictYamlReader(1 << 20, "--max").read(
                "a: 10.0.0.1\nb: 10.244.0.0/16\nc: 1.5\nd: 12\ne: '10.0.0.2'\nf: 1.2.3\n".getBytes(StandardCharsets.UTF_8),
                problems);
        assertThat(problems.list()).isEmpty();
        JsonNode t = r.tree();
        assertThat(t.get("a").isTextual()).isTrue();
        assertThat(t.get("a").textValue()).isEqualTo("10.0.0.1");
        assertThat(t.get("b").textValue()).isEqualTo("10.244.0.0/16");
        assertThat(t.get("c").isDouble()).isTrue();
        assertThat(t.get("d").isInt()).isTrue();
        assertThat(t.get("e").textValue()).isEqualTo("10.0.0.2");
        assertThat(t.get("f").textValue()).isEqualTo("1.2.3");
    }
}
