package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.rules.Printable;
import io.github.dualstack.core.validate.Placement;
import io.github.dualstack.core.validate.SiteValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * read → schema → defaults → bind → semantic checks. Each stage runs only when the one before found no error. The
 * baseline a site names is read after this, with the result's locator: its problems about the reference itself
 * are the descriptor's.
 */
public final class DescriptorLoader {

    /**
     * The site (null when any error was found), every problem, in source order within each stage, where each
     * field of the descriptor is (null when it could not be read as YAML), and the inventory file it names. The locator holds the descriptor's text
     * until it is dropped: keep the result no longer than the problems need it.
     */
    public record Result(Site site, List<Problem> problems, JsonNode resolved, Problems.Locator locator,
                         Optional<String> inventory) {
        public Result(Site site, List<Problem> problems, JsonNode resolved, Problems.Locator locator) {
            this(site, problems, resolved, locator, Optional.empty());
        }

        public Result(Site site, List<Problem> problems, JsonNode resolved) {
            this(site, problems, resolved, null);
        }

        public boolean ok() {
            return site != null;
        }
    }

    private final StrictYamlReader reader;
    private final long maxBytes;
    private final String limitOption;

    public DescriptorLoader(long maxBytes) {
        this(maxBytes, "--max-descriptor-bytes");
    }

    /** {@code limitOption}: how the front end spells the size limit, named when a descriptor is over it. */
    public DescriptorLoader(long maxBytes, String limitOption) {
        this.reader = new StrictYamlReader(maxBytes, limitOption);
        this.maxBytes = maxBytes;
        this.limitOption = limitOption;
    }

    /**
     * The inventory a descriptor names, as named, and its bytes (null when it cannot be read, which the run
     * itself then reports): what an up-to-date check needs before the descriptor is loaded. Empty when the
     * descriptor names none. Only a descriptor whose bytes mention an inventory is parsed here.
     */
    public record NamedInventory(String file, byte[] bytes) {
    }

    public Optional<NamedInventory> namedInventory(Path descriptorPath, byte[] bytes) {
        if (!mentions(bytes, "inventory".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Problems ignored = new Problems("", p -> new int[] {1, 1});
        StrictYamlReader.Reading reading = reader.read(bytes, ignored);
        if (reading == null || ignored.hasErrors()) {
            return Optional.empty();
        }
        return Inventory.named(reading.tree()).map(file -> new NamedInventory(file,
                Inventory.read(descriptorPath, file, maxBytes, limitOption, ignored)));
    }

    private static boolean mentions(byte[] bytes, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= bytes.length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (bytes[i + j] != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The result for a descriptor too large to read at all. */
    public Result oversize(String displayName, long size) {
        Problems read = new Problems(displayName, p -> new int[] {1, 1});
        reader.reportOversize(size, read);
        return new Result(null, read.list(), null);
    }

    public Result load(String displayName, byte[] bytes) {
        return load(displayName, bytes, true);
    }

    /**
     * As above; without {@code keepResolved} the result holds no tree, so a large descriptor's nodes can go
     * once the site is bound.
     */
    public Result load(String displayName, byte[] bytes, boolean keepResolved) {
        return load(displayName, bytes, keepResolved, Optional.empty());
    }

    /** As above; with the tree's placement, the rules that depend on where the tree goes run too. */
    public Result load(String displayName, byte[] bytes, boolean keepResolved, Optional<Placement> placement) {
        return load(displayName, bytes, keepResolved, placement, Optional.empty());
    }

    /**
     * As above, for the descriptor read from {@code descriptorPath}: an inventory it names is read from beside it
     * (without a path, naming one is an error).
     */
    public Result load(String displayName, byte[] bytes, boolean keepResolved, Optional<Placement> placement,
                       Optional<Path> descriptorPath) {
        Problems read = new Problems(displayName, p -> new int[] {1, 1});
        StrictYamlReader.Reading reading = reader.read(bytes, read);
        JsonNode tree = reading == null ? null : reading.tree();
        if (tree == null || read.hasErrors()) {
            return new Result(null, read.list().stream().map(DescriptorLoader::printable).toList(), null);
        }
        SourceLocator locator = reading.locator();
        Problems problems = new Problems(displayName, locator);
        SiteSchema schema = SiteSchema.get();
        schema.validate(tree, problems);
        if (problems.hasErrors()) {
            return new Result(null, sorted(problems.list(), displayName), null, locator);
        }
        if (Inventory.named(tree).isPresent()) {
            String shown = Inventory.shown(displayName, Inventory.named(tree).get());
            Problems inventory = new Problems(shown, p -> new int[] {1, 1});
            int descriptorNodes = tree.at("/spec/edge/nodes").size();
            Inventory.Rows rows = descriptorPath.isEmpty() ? null
                    : Inventory.merge(tree, descriptorPath.get(), maxBytes, limitOption, problems, inventory);
            if (descriptorPath.isEmpty()) {
                problems.error(Inventory.REFERENCE, "an inventory is read from beside the descriptor file; give the descriptor as a file");
            }
            if (rows == null || problems.hasErrors() || inventory.hasErrors()) {
                return new Result(null, sorted(concat(problems, inventory), displayName), null, locator);
            }
            Problems.Locator merged = Inventory.locator(locator, descriptorNodes, shown, rows);
            List<Problem> before = concat(problems, inventory);
            problems = new Problems(displayName, merged);
            schema.validate(tree, problems);
            if (problems.hasErrors()) {
                return new Result(null, sorted(concat(before, problems.list()), displayName), null, merged);
            }
            return checked(displayName, tree, schema, problems, before, keepResolved, placement, merged);
        }
        return checked(displayName, tree, schema, problems, List.of(), keepResolved, placement, locator);
    }

    /** Defaults, binding and the semantic checks of a schema-valid tree; {@code before}: problems found so far. */
    private static Result checked(String displayName, JsonNode tree, SiteSchema schema, Problems problems,
                                  List<Problem> before, boolean keepResolved, Optional<Placement> placement,
                                  Problems.Locator locator) {
        Set<String> familyKeys = new HashSet<>();
        tree.path("spec").path("ipFamilies").forEach(f -> familyKeys.add(f.asText().toLowerCase(Locale.ROOT)));
        JsonNode resolved = new SchemaDefaults(schema.document()).apply(tree, familyKeys);
        SiteBinder binder = new SiteBinder();
        Site site = binder.bind(resolved);
        new SiteValidator().validate(site, binder.rejected(), problems, placement);
        List<Problem> all = sorted(concat(before, problems.list()), displayName);
        return new Result(problems.hasErrors() ? null : site, all, keepResolved && !problems.hasErrors() ? resolved : null,
                locator, Inventory.named(tree));
    }

    private static List<Problem> concat(Problems a, Problems b) {
        return concat(a.list(), b.list());
    }

    private static List<Problem> concat(List<Problem> a, List<Problem> b) {
        List<Problem> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The descriptor's problems first, then the inventory's, each in source order; duplicates once. */
    private static List<Problem> sorted(List<Problem> in, String descriptor) {
        List<Problem> out = new ArrayList<>(new LinkedHashSet<>(in));
        out.sort(Comparator.comparingInt((Problem p) -> p.file().equals(descriptor) ? 0 : 1)
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        out.replaceAll(DescriptorLoader::printable);
        return out;
    }

    /** Keys and values quoted in a problem may hold line breaks or terminal escapes; a problem stays one line. */
    private static Problem printable(Problem p) {
        String path = Printable.escape(p.path());
        String message = Printable.escape(p.message());
        return path.equals(p.path()) && message.equals(p.message()) ? p
                : new Problem(p.file(), p.line(), p.column(), path, p.severity(), message);
    }
}
