package io.github.dualstack.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/rules.md is the registry's page, and the registry names classes that exist. */
class RulesPageTest {

    private static final Path PAGE = Path.of("..", "docs", "rules.md");
    private static final String REGENERATE =
            "./mvnw -o -pl generator-core test -Dtest=RulesPageTest -Ddualstack.rules.write=true";

    @Test
    void docsRulesMdIsTheGeneratedPage() throws IOException {
        String generated = RulesPage.markdown();
        if (Boolean.getBoolean("dualstack.rules.write")) {
            Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(PAGE)).as("docs/rules.md is missing; create it with %s", REGENERATE).isTrue();
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/rules.md is stale; regenerate it with %s", REGENERATE)
                .isEqualTo(generated);
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void everyEnforcerIsAClassOrTheSchema(Rule r) {
        assertThat(r.enforcedBy()).isNotEmpty();
        for (String e : r.enforcedBy()) {
            if (e.startsWith("schema ")) {
                assertThat(e).startsWith("schema $defs/");
                continue;
            }
            try {
                Class.forName("io.github.dualstack.core." + e, false, RulesPageTest.class.getClassLoader());
            } catch (ClassNotFoundException notFound) {
                throw new AssertionError(r + " names " + e + ", which is not a class of io.github.dualstack.core");
            }
        }
    }

    /** A '|' or a line break would break the table's row. */
    @ParameterizedTest
    @EnumSource(Rule.class)
    void everyFieldFitsATableCell(Rule r) {
        for (String cell : new String[] {r.statement(), r.source(), String.join(", ", r.enforcedBy())}) {
            assertThat(cell).isNotBlank().doesNotContain("|", "\n");
        }
        assertThat(r.statement()).endsWith(".");
    }

    @Test
    void everyRulesClassIsTheHomeOfARule() {
        Set<Class<?>> homes = Arrays.stream(Rule.values()).map(Rule::home).collect(Collectors.toSet());
        assertThat(homes).contains(HostPort.class, Dns1123.class, KubernetesLimits.class, CalicoIpPool.class,
                CloudCoreTuning.class, CurlFamilyFlag.class, LinuxInterfaceName.class, Printable.class,
                KubeadmVolumes.class, ControlPlaneFileFlags.class);
    }

    @Test
    void thePageListsEveryRuleOnce() {
        String page = RulesPage.markdown();
        for (Rule r : Rule.values()) {
            String row = "| `" + r.id() + "` |";
            assertThat(page.indexOf(row)).as(r.id()).isPositive().isEqualTo(page.lastIndexOf(row));
        }
    }
}
