package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.baseline.BaselineLoader;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import io.github.dualstack.core.plan.OutputPlan;
import io.github.dualstack.core.plan.PlannedFile;
import io.github.dualstack.fixtures.TreeCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the brownfield-kubeadm sample (its site.yaml and baseline/) in a test's directory, which the test
 * edits, then runs through the core's public entry point as the CLI and the plugin do. Problems come back as
 * printed, the descriptor named {@code site.yaml} as a user in the site's directory sees it; the tree comes back
 * as text by relative path.
 */
public final class Brownfield {

    /** Surefire runs in the module directory; the samples are at the top of the repository. */
    public static final Path SAMPLE = Path.of("..", "samples", "brownfield-kubeadm");
    public static final String SITE = "site.yaml";

    public final Path root;
    public final Path site;
    public final Path baseline;
    public final Path out;
    private String descriptor;

    public Brownfield(Path dir) {
        this.root = dir.resolve("plant-north");
        this.site = root.resolve(SITE);
        this.baseline = root.resolve("baseline");
        this.out = root.resolve("generated");
        TreeCopy.copy(SAMPLE.resolve("baseline"), baseline);
        descriptor = read(SAMPLE.resolve(SITE));
        writeDescriptor();
    }

    // ---- the descriptor

    public String descriptor() {
        return descriptor;
    }

    /** Replaces {@code from}, which must be in the descriptor exactly once, by {@code to}. */
    public Brownfield edit(String from, String to) {
        descriptor = once(SITE, descriptor, from, to);
        writeDescriptor();
        return this;
    }

    /** The 1-based line and column at which {@code text}, which must be in the descriptor once, starts. */
    public String at(String text) {
        return at(descriptor, text);
    }

    /** {@code line:column} of the first character of {@code text} in {@code in}, which holds it once. */
    public static String at(String in, String text) {
        int i = in.indexOf(text);
        assertThat(i).as("'%s' in the descriptor", text).isNotNegative();
        assertThat(in.lastIndexOf(text)).as("'%s' once in the descriptor", text).isEqualTo(i);
        int line = 1;
        int lineStart = 0;
        for (int c = 0; c < i; c++) {
            if (in.charAt(c) == '\n') {
                line++;
                lineStart = c + 1;
            }
        }
        return line + ":" + (i - lineStart + 1);
    }

    private void writeDescriptor() {
        write(site, descriptor);
    }

    // ---- the baseline

    public Path baselineFile(String rel) {
        return baseline.resolve(rel);
    }

    public String baselineText(String rel) {
        return read(baselineFile(rel));
    }

    /** Replaces {@code from}, which must be in the captured file exactly once, by {@code to}. */
    public Brownfield replace(String rel, String from, String to) {
        write(baselineFile(rel), once(rel, baselineText(rel), from, to));
        return this;
    }

    /** Replaces every {@code from} (there must be one at least) in the captured file by {@code to}. */
    public Brownfield replaceEvery(String rel, String from, String to) {
        String text = baselineText(rel);
        assertThat(text).as(rel).contains(from);
        write(baselineFile(rel), text.replace(from, to));
        return this;
    }

    /** Every match of the regular expression {@code regex} (one at least) replaced by {@code replacement}. */
    public Brownfield replaceRegex(String rel, String regex, String replacement) {
        String text = baselineText(rel);
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(rel + ": " + regex).isTrue();
        write(baselineFile(rel), m.replaceAll(replacement));
        return this;
    }

    /** Every captured file (paths relative to the baseline), as a later edit of all of them needs. */
    public List<String> baselineFiles() {
        try (Stream<Path> walk = Files.walk(baseline)) {
            return walk.filter(Files::isRegularFile).map(p -> baseline.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites every captured file with {@code edit}; the baseline's README.md stays. */
    public Brownfield rewriteAll(java.util.function.UnaryOperator<String> edit) {
        for (String rel : baselineFiles()) {
            if (!rel.equals("README.md")) {
                write(baselineFile(rel), edit.apply(baselineText(rel)));
            }
        }
        return this;
    }

    public Brownfield writeBaseline(String rel, String text) {
        Path p = baselineFile(rel);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(p, text);
        return this;
    }

    /** Deletes a captured file or directory, which must exist. */
    public Brownfield delete(String rel) {
        Path p = baselineFile(rel);
        assertThat(p).exists();
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    // ---- runs through the public API

    /** A run's problems as printed, the descriptor shown as {@code site.yaml}. */
    public List<String> lines(Report r) {
        return r.problems().stream().map(this::line).toList();
    }

    public String line(Problem p) {
        Problem shown = p.file().equals(site.toString())
                ? new Problem(SITE, p.line(), p.column(), p.path(), p.severity(), p.message()) : p;
        return shown.toString();
    }

    public Report.Validate validate() throws DualstackException {
        return Dualstack.validate(Request.Validate.of(site));
    }

    public Report.Generate generate() throws DualstackException {
        return Dualstack.generate(Request.Generate.of(site, out));
    }

    public Report.Check check() throws DualstackException {
        return Dualstack.check(Request.Check.of(site, out));
    }

    /** generate, which must succeed; then the tree. */
    public Map<String, String> generated() throws DualstackException {
        Report.Generate r = generate();
        assertThat(r.errors()).extracting(this::line).isEmpty();
        assertThat(r.ok()).as(r.summary()).isTrue();
        return tree();
    }

    /** The generated tree, text by path relative to it, without dualstack's own records. */
    public Map<String, String> tree() {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(out)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = out.relativize(p).toString();
                if (!rel.startsWith(".dualstack/")) {
                    files.put(rel, read(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    // ---- the plan, without a run (for tests of the renderer)

    /** The sample's plan, read as a run reads it: the descriptor, then its baseline. */
    public static OutputPlan samplePlan() {
        return plan(SAMPLE.resolve(SITE));
    }

    /** The plan of the site at {@code descriptor}, which names a valid baseline. */
    public static OutputPlan plan(Path descriptor) {
        DescriptorLoader.Result d = new DescriptorLoader(StrictYamlReader.DEFAULT_MAX_BYTES)
                .load(SITE, read(descriptor).getBytes(StandardCharsets.UTF_8));
        assertThat(d.problems()).as("the descriptor's problems").filteredOn(Problem::isError).isEmpty();
        BaselineLoader.Result b = new BaselineLoader(StrictYamlReader.DEFAULT_MAX_BYTES, "--max-descriptor-bytes")
                .load(descriptor, SITE, d.locator(), d.site());
        assertThat(b.problems()).as("the baseline's problems").filteredOn(Problem::isError).isEmpty();
        return new OutputPlan(d.site(), b.baseline());
    }

    /** Every planned file of a plan, site files then edge files. */
    public static List<PlannedFile> files(OutputPlan plan) {
        return Stream.concat(plan.siteFiles().stream(), plan.edgeFiles()).toList();
    }

    // ----

    private static String once(String what, String text, String from, String to) {
        int i = text.indexOf(from);
        assertThat(i).as("%s holds '%s'", what, from).isNotNegative();
        assertThat(text.lastIndexOf(from)).as("%s holds '%s' once", what, from).isEqualTo(i);
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
