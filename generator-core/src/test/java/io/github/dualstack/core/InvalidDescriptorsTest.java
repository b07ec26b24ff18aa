package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of {@link InvalidDescriptors}: one broken rule, reported at its field, line and column. */
class InvalidDescriptorsTest {

    static Stream<InvalidDescriptorCase> cases() {
        return Stream.concat(InvalidDescriptors.all().stream(), ReaderMessages.all().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsTheBrokenRuleAtItsField(InvalidDescriptorCase c) {
        DescriptorLoader.Result r = c.load();

        List<Problem> errors = Descriptors.errors(r);
        List<Problem> ofSeverity = r.problems().stream().filter(p -> p.severity() == c.severity).toList();
        assertThat(ofSeverity)
                .as("%s: expected %s at %d:%d %s containing '%s'; got%n%s", c.name, c.severity, c.line, c.column,
                        c.path, c.gist, String.join("\n", r.problems().stream().map(Problem::toString).toList()))
                .anySatisfy(p -> {
                    assertThat(p.path()).isEqualTo(c.path);
                    assertThat(p.line()).isEqualTo(c.line);
                    assertThat(p.column()).isEqualTo(c.column);
                    if (c.exact) {
                        assertThat(p.message()).isEqualTo(c.gist);
                    } else {
                        assertThat(p.message()).contains(c.gist);
                    }
                    assertThat(p.file()).isEqualTo("site.yaml");
                });
        assertThat(errors).as("errors of %s", c.name).hasSize(c.errors);
        assertThat(r.ok()).as("a descriptor with errors is not ok, one with only warnings is").isEqualTo(c.errors == 0);
        assertThat(r.site() == null).isEqualTo(c.errors > 0);
    }

    /**
     * A problem speaks of the descriptor, never of the libraries that read it (their classes, events, features
     * and limits), and stays on one line.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noProblemNamesTheLibrariesOrSpansLines(InvalidDescriptorCase c) {
        assertThat(c.load().problems()).allSatisfy(p -> {
            assertThat(p.toString()).doesNotContainPattern(
                    "org\\.yaml|com\\.fasterxml|snakeyaml|jackson|Event\\b|Exception|Feature|Constraints|REDACTED"
                            + "|reference chain|Source:|<[a-z ]+>|`");
            assertThat(p.toString()).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029]");
        });
    }

    /** Without this, an edit of a base that was already broken would pass for the wrong reason. */
    @ParameterizedTest
    @EnumSource(Descriptors.Base.class)
    void everyBaseIsValidUnedited(Descriptors.Base base) {
        DescriptorLoader.Result r = base.edit().load();
        assertThat(Descriptors.errors(r)).isEmpty();
        assertThat(r.ok()).isTrue();
    }

    @Test
    void theTableIsLargeAndItsNamesAreUnique() {
        List<InvalidDescriptorCase> all = InvalidDescriptors.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(65);
        Set<String> names = new HashSet<>();
        all.forEach(c -> assertThat(names.add(c.name)).as("duplicate case name %s", c.name).isTrue());
    }

    /** An edit that does not apply to its base fails loudly instead of testing the unedited sample. */
    @Test
    void anEditThatDoesNotMatchItsBaseIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Descriptors.Base.DUAL.edit().sub(12, "no such text", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 12");
    }
}
