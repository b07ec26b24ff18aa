package io.github.dualstack.core.validate;

import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Descriptor edits addressed by what they change rather than by line number, and the problems they produce as
 * {@code path: message} lines, for the focused rule tables.
 */
final class Verdicts {

    private Verdicts() {
    }

    static Edit dual() {
        return new Edit(Descriptors.Base.DUAL);
    }

    static Edit ipv6Primary() {
        return new Edit(Descriptors.Base.IPV6_PRIMARY);
    }

    /** Edits of a base sample, each anchored on text that occurs on exactly one line of the base. */
    static final class Edit {
        private final List<String> lines;
        private final Descriptors.Edited edited;

        private Edit(Descriptors.Base base) {
            this.lines = List.of(base.text().split("\n", -1));
            this.edited = base.edit();
        }

        /** Replaces {@code from}, found on one line of the base, by {@code to}. */
        Edit replace(String from, String to) {
            edited.sub(lineOf(from), from, to);
            return this;
        }

        /** Inserts {@code text} after the one line of the base that holds {@code anchor}. */
        Edit insertAfter(String anchor, String text) {
            edited.after(lineOf(anchor), text);
            return this;
        }

        /** The descriptor as edited, loaded: its located problems and site. */
        DescriptorLoader.Result load() {
            return edited.load();
        }

        List<String> errors() {
            return lines(Descriptors.errors(edited.load()));
        }

        List<String> warnings() {
            return lines(Descriptors.warnings(edited.load()));
        }

        private int lineOf(String text) {
            List<Integer> hits = IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(text)).boxed().toList();
            if (hits.size() != 1) {
                throw new IllegalArgumentException("'" + text + "' is on " + hits.size() + " lines of the base, not one");
            }
            return hits.get(0) + 1;
        }

        private static List<String> lines(List<Problem> problems) {
            return problems.stream().map(p -> p.path() + ": " + p.message()).toList();
        }
    }
}
