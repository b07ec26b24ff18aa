package io.github.dualstack.core;

import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test descriptors: frozen copies of the samples (so that editing a sample does not silently change what a test
 * checks) and line edits on them. Edits address the lines of the base as printed by {@code cat -n}, whatever
 * other edits of the same descriptor insert or delete.
 */
public final class Descriptors {

    /** A frozen copy of a sample, in src/test/resources/io/github/dualstack/core/bases. */
    public enum Base {
        DUAL("dual-stack-site"),
        IPV6_ONLY("ipv6-only"),
        IPV6_PRIMARY("ipv6-primary-hostnetwork");

        private final String sample;
        private final List<String> lines;

        Base(String sample) {
            this.sample = sample;
            this.lines = List.of(text(sample).split("\n", -1));
        }

        public String sample() {
            return sample;
        }

        public String text() {
            return String.join("\n", lines);
        }

        public Edited edit() {
            return new Edited(this);
        }

        private static String text(String sample) {
            String name = "bases/" + sample + ".yaml";
            try (InputStream in = Descriptors.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + name);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A base with edits; each original line is a slot that an edit may replace, extend or empty. */
    public static final class Edited {
        private final Base base;
        private final List<List<String>> slots = new ArrayList<>();

        Edited(Base base) {
            this.base = base;
            for (String l : base.lines) {
                slots.add(new ArrayList<>(List.of(l)));
            }
        }

        /** Replaces {@code from} by {@code to} in line {@code line}; fails if the base line does not hold it. */
        public Edited sub(int line, String from, String to) {
            List<String> slot = slot(line);
            String original = base.lines.get(line - 1);
            if (!original.contains(from)) {
                throw new IllegalArgumentException(base + " line " + line + " does not contain '" + from + "': " + original);
            }
            slot.set(0, slot.get(0).replace(from, to));
            return this;
        }

        /** Replaces line {@code line} by one or more lines ({@code \n} separated). */
        public Edited set(int line, String text) {
            List<String> slot = slot(line);
            slot.clear();
            slot.addAll(List.of(text.split("\n", -1)));
            return this;
        }

        /** Inserts lines after line {@code line} (0 = before the first line). */
        public Edited after(int line, String text) {
            if (line == 0) {
                slots.get(0).addAll(0, List.of(text.split("\n", -1)));
            } else {
                slot(line).addAll(List.of(text.split("\n", -1)));
            }
            return this;
        }

        /** Deletes lines {@code from} to {@code to}, both included. */
        public Edited delete(int from, int to) {
            for (int l = from; l <= to; l++) {
                slot(l).clear();
            }
            return this;
        }

        public Edited delete(int line) {
            return delete(line, line);
        }

        private List<String> slot(int line) {
            if (line < 1 || line > slots.size()) {
                throw new IllegalArgumentException(base + " has no line " + line);
            }
            return slots.get(line - 1);
        }

        public String text() {
            List<String> out = new ArrayList<>();
            slots.forEach(out::addAll);
            return String.join("\n", out);
        }

        public DescriptorLoader.Result load() {
            return Descriptors.load(text());
        }
    }

    private Descriptors() {
    }

    public static DescriptorLoader.Result load(String text) {
        return load(text.getBytes(StandardCharsets.UTF_8), StrictYamlReader.DEFAULT_MAX_BYTES);
    }

    public static DescriptorLoader.Result load(String text, Charset charset, long maxBytes) {
        return load(text.getBytes(charset), maxBytes);
    }

    public static DescriptorLoader.Result load(byte[] bytes, long maxBytes) {
        return new DescriptorLoader(maxBytes).load("site.yaml", bytes);
    }

    public static List<Problem> errors(DescriptorLoader.Result r) {
        return r.problems().stream().filter(Problem::isError).toList();
    }

    public static List<Problem> warnings(DescriptorLoader.Result r) {
        return r.problems().stream().filter(p -> !p.isError()).toList();
    }

    /**
     * The warning of every site whose edge nodes have an IPv6 address, as {@code path: message} starts: CloudStream's
     * metrics path finds no session for them (validate.SiteValidator).
     */
    public static final String METRICS_WARNING = "spec.ipFamilies: metrics-server and kubectl top get no metrics from"
            + " edge nodes";

    /** {@code problems} but the metrics warning, which must be among them exactly once. */
    public static List<Problem> withoutMetricsWarning(List<Problem> problems) {
        return withoutMetricsWarning(problems, p -> (p.path() + ": " + p.message()).startsWith(METRICS_WARNING)
                && !p.isError());
    }

    /** The same over problem lines ({@code file:line:col: warning: path: message}, or {@code path: message}). */
    public static List<String> withoutMetricsWarningLine(List<String> lines) {
        return withoutMetricsWarning(lines, l -> l.contains(METRICS_WARNING));
    }

    private static <T> List<T> withoutMetricsWarning(List<T> problems, java.util.function.Predicate<T> metrics) {
        List<T> rest = problems.stream().filter(metrics.negate()).toList();
        if (problems.size() - rest.size() != 1) {
            throw new AssertionError("expected the metrics warning once among " + problems);
        }
        return rest;
    }
}
