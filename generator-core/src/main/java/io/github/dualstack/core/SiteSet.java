package io.github.dualstack.core;

import io.github.dualstack.core.DualstackException.InputException;
import io.github.dualstack.core.fs.SafeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Many sites of one repository: every descriptor that matches one of the {@code includes}, globs relative to
 * {@code baseDirectory} unless absolute (such as {@code sites/*}{@code /site.yaml}; {@code **} crosses
 * directories), each with its own tree at {@code outputDirectory} relative to the descriptor's directory
 * ({@code generated}: beside it).
 */
public record SiteSet(Path baseDirectory, List<String> includes, String outputDirectory) {

    /** The tree of each site, relative to its descriptor, unless a front end names another. */
    public static final String DEFAULT_OUTPUT_DIRECTORY = "generated";

    /** Glob characters: a pattern's directories before the first of them are walked as they are. */
    private static final String GLOB = "*?[{\\";

    /**
     * One site: {@code name}, the descriptor's path as its pattern matched it (relative to the base directory,
     * with forward slashes), is how reports name it.
     */
    public record Entry(String name, Path descriptor, Path outputDirectory) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(descriptor, "descriptor");
            Objects.requireNonNull(outputDirectory, "outputDirectory");
        }
    }

    public SiteSet {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        includes = List.copyOf(includes);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
    }

    public static SiteSet of(Path baseDirectory, List<String> includes) {
        return new SiteSet(baseDirectory, includes, DEFAULT_OUTPUT_DIRECTORY);
    }

    /**
     * The sites, ordered by name, each once however many patterns match it. Fails when a pattern or the output
     * directory is unusable, when nothing matches, or when two sites would share one tree.
     */
    public List<Entry> resolve() throws InputException {
        List<String> wrong = new ArrayList<>();
        if (includes.isEmpty()) {
            wrong.add("no descriptor pattern given");
        }
        includes.forEach(p -> patternProblem(p).ifPresent(wrong::add));
        Path out = Path.of("");
        if (outputDirectory.isBlank() || outputDirectory.indexOf('\0') >= 0) {
            wrong.add("the output directory of each site must be a relative path such as generated");
        } else {
            out = Path.of(outputDirectory);
            if (out.isAbsolute() || out.normalize().toString().isEmpty()) {
                wrong.add(outputDirectory + ": the output directory of each site is relative to its descriptor"
                        + " and not the descriptor's own directory, e.g. generated");
            }
        }
        if (!wrong.isEmpty()) {
            throw new InputException(String.join("\n", wrong));
        }
        Map<String, Path> found = new TreeMap<>();
        for (String include : includes) {
            match(include, found);
        }
        if (found.isEmpty()) {
            throw new InputException("no site descriptor under " + baseDirectory.toAbsolutePath() + " matches "
                    + String.join(", ", includes));
        }
        List<Entry> sites = new ArrayList<>();
        Map<Path, String> trees = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : found.entrySet()) {
            Path tree = e.getValue().toAbsolutePath().normalize().getParent().resolve(out).normalize();
            String other = trees.putIfAbsent(tree, e.getKey());
            if (other != null) {
                wrong.add(e.getKey() + " and " + other + " would both write the tree " + tree
                        + "; give each site a directory of its own");
            }
            Path descriptor = e.getValue();
            sites.add(new Entry(e.getKey(), descriptor, descriptor.resolveSibling(out).normalize()));
        }
        if (!wrong.isEmpty()) {
            throw new InputException(String.join("\n", wrong));
        }
        return List.copyOf(sites);
    }

    private static Optional<String> patternProblem(String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.indexOf('\0') >= 0) {
            return Optional.of("a descriptor pattern is empty");
        }
        return Optional.empty();
    }

    /**
     * Walks only below the pattern's literal directories, and no deeper than its segments unless it has
     * {@code **}: generated trees beside the descriptors hold thousands of files that a bounded walk never opens.
     */
    private void match(String include, Map<String, Path> found) throws InputException {
        String[] segments = include.split("/");
        int literal = 0;
        while (literal < segments.length - 1 && segments[literal].chars().noneMatch(c -> GLOB.indexOf(c) >= 0)) {
            literal++;
        }
        boolean absolute = include.startsWith("/");
        Path root = absolute ? Path.of("/") : baseDirectory;
        for (int i = 0; i < literal; i++) {
            root = root.resolve(segments[i]);
        }
        if (!Files.isDirectory(root)) {
            return;
        }
        int depth = include.contains("**") ? Integer.MAX_VALUE : segments.length - literal;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + include);
        try (Stream<Path> walk = Files.walk(root, depth)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path name = absolute ? p : baseDirectory.relativize(p);
                if (matcher.matches(name) && Files.isRegularFile(p)) {
                    found.putIfAbsent(name.toString().replace('\\', '/'), p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InputException("cannot list the site descriptors under " + root + ": " + SafeFiles.describe(e),
                    e);
        }
    }
}
