package io.github.dualstack.core.rules;

import java.util.stream.Collectors;

/** docs/rules.md, generated from {@link Rule}: run {@link #main} or RulesPageTest with -Ddualstack.rules.write=true. */
public final class RulesPage {

    private RulesPage() {
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Rules\n\n")
                .append("<!-- Generated from io.github.dualstack.core.rules.Rule; do not edit. Regenerate with\n")
                .append("     ./mvnw -o -pl generator-core test -Dtest=RulesPageTest -Ddualstack.rules.write=true -->\n\n")
                .append("Every rule dualstack enforces on a site descriptor or on the files it generates: what it says,\n")
                .append("the upstream source it follows, its home (the class in `io.github.dualstack.core.rules` that\n")
                .append("holds its limits or logic; none when the enforcing class alone holds it) and where it is\n")
                .append("enforced (classes under `io.github.dualstack.core`, or the schema `schemas/site.schema.json`).\n");
        for (Rule.Section section : Rule.Section.values()) {
            sb.append("\n## ").append(section.title()).append("\n\n")
                    .append("| id | rule | upstream source | home | enforced by |\n")
                    .append("|---|---|---|---|---|\n");
            for (Rule r : Rule.values()) {
                if (r.section() != section) {
                    continue;
                }
                sb.append("| `").append(r.id()).append("` | ").append(r.statement()).append(" | ").append(r.source())
                        .append(" | ").append(r.home() == null ? "" : "`" + r.home().getSimpleName() + "`")
                        .append(" | ").append(r.enforcedBy().stream().map(e -> "`" + e + "`").collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    /** Prints the page; {@code > docs/rules.md} from the repository root. */
    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
