package io.github.dualstack.core.render;

import io.github.dualstack.core.DualstackException;
import io.github.dualstack.core.fs.SafeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a template override directory before a run. A template is looked up by its bundled name only, so a file
 * named otherwise (a typo, {@code kube-proxy.yml.ftl}; a copy under a subdirectory, {@code edge/join.sh.ftl}) would
 * change nothing, silently. The rule: every entry directly in the directory is a regular file named like a bundled
 * template, of at most {@link #MAX_BYTES}, and not a link (the directory is committed with the site, and a link
 * would make a run read, and render into the tree, a file from anywhere), except
 * <ul>
 *   <li>hidden entries, names starting with {@code .} ({@code .gitkeep}, {@code .git}, editor swap and lock
 *   files such as {@code .join.sh.ftl.swp}): tools make them, and no template name starts with a dot;</li>
 *   <li>a {@code README} or {@code README.*} file, which documents why the overrides exist.</li>
 * </ul>
 * Anything else, subdirectories included, is an error: one line per entry.
 */
public final class TemplateOverrides {

    private static final Pattern README = Pattern.compile("(?i)README(\\.[a-z0-9]+)?");
    /** The largest bundled template is under 20 KiB; a template of megabytes is a mistake or an attack. */
    public static final long MAX_BYTES = 1024 * 1024;

    private TemplateOverrides() {
    }

    /** Throws, with one line per problem, unless {@code dir} is a directory whose every entry follows the rule. */
    public static void check(Path dir) throws DualstackException.InputException {
        if (!Files.isDirectory(dir)) {
            throw new DualstackException.InputException("template override directory " + dir + " does not exist or is not a"
                    + " directory");
        }
        List<String> problems = problems(dir);
        if (!problems.isEmpty()) {
            throw new DualstackException.InputException(String.join("\n", problems));
        }
    }

    /** The overrides in a checked directory, by bundled template name, in the list's order. */
    public static List<Path> present(Path dir) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (String name : TemplateEngine.BUNDLED_NAMES) {
            if (SafeFiles.kind(dir.resolve(name)) != SafeFiles.Kind.ABSENT) {
                out.add(dir.resolve(name));
            }
        }
        return out;
    }

    static List<String> problems(Path dir) throws DualstackException.InputException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().map(TemplateOverrides::problem).flatMap(Optional::stream).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DualstackException.InputException("cannot read template override directory " + dir + ": "
                    + SafeFiles.describe(e), e);
        }
    }

    private static Optional<String> problem(Path entry) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || README.matcher(name).matches() && Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        if (Files.isDirectory(entry)) {
            return Optional.of(entry + ": is a directory; overrides are read from " + entry.getParent()
                    + " itself, not from its subdirectories");
        }
        if (!TemplateEngine.BUNDLED_NAMES.contains(name)) {
            String hint = TemplateEngine.BUNDLED_NAMES.contains(name + ".ftl") ? " (did you mean " + name + ".ftl?)" : "";
            return Optional.of(entry + ": matches no bundled template" + hint + "; the names are: "
                    + String.join(", ", TemplateEngine.BUNDLED_NAMES));
        }
        try {
            SafeFiles.Kind kind = SafeFiles.kind(entry);
            if (kind != SafeFiles.Kind.REGULAR) {
                return Optional.of(entry + ": " + kind.phrase() + "; a template override must be a regular file in "
                        + entry.getParent() + (kind == SafeFiles.Kind.SYMLINK ? ", so that no run reads a file from"
                        + " elsewhere" : ""));
            }
            if (Files.size(entry) > MAX_BYTES) {
                return Optional.of(entry + ": is larger than " + MAX_BYTES + " bytes; no template needs that much");
            }
        } catch (IOException e) {
            return Optional.of(SafeFiles.describe(e));
        }
        return Optional.empty();
    }
}
