package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.rules.Printable;
import io.github.dualstack.core.validate.Placement;
import io.github.dualstack.core.validate.SiteValidator;
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
     * The site (null when any error was found), every problem, in source order within each stage, and where each
     * field of the descriptor is (null when it could not be read as YAML). The locator holds the descriptor's text
     * until it is dropped: keep the result no longer than the problems need it.
     */
    public record Result(Site site, List<Problem> problems, JsonNode resolved, Problems.Locator locator) {
        public Result(Site site, List<Problem> problems, JsonNode resolved) {
            this(site, problems, resolved, null);
        }

        public boolean ok() {
            return site != null;
        }
    }

    private final StrictYamlReader reader;

    public DescriptorLoader(long maxBytes) {
        this(maxBytes, "--max-descriptor-bytes");
    }

    /** {@code limitOption}: how the front end spells the size limit, named when a descriptor is over it. */
    public DescriptorLoader(long maxBytes, String limitOption) {
        this.reader = new StrictYamlReader(maxBytes, limitOption);
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
        Problems read = new Problems(displayName, p -> new int[] {1, 1});
        StrictYamlReader.Reading reading = reader.read(bytes, read);
        JsonNode tree = reading == null ? null : reading.tree();
        if (tree == null || read.hasErrors()) {
            return new Result(null, read.list().stream().map(DescriptorLoader::printable).toList(), null);
        }
        SourceLocator locator = new SourceLocator(reading::locatedTree);
        Problems problems = new Problems(displayName, locator);
        SiteSchema schema = SiteSchema.get();
        schema.validate(tree, problems);
        if (problems.hasErrors()) {
            return new Result(null, sorted(problems.list()), null, locator);
        }
        Set<String> familyKeys = new HashSet<>();
        tree.path("spec").path("ipFamilies").forEach(f -> familyKeys.add(f.asText().toLowerCase(Locale.ROOT)));
        JsonNode resolved = new SchemaDefaults(schema.document()).apply(tree, familyKeys);
        Site site = new SiteBinder().bind(resolved);
        new SiteValidator().validate(site, problems, placement);
        List<Problem> all = sorted(problems.list());
        return new Result(problems.hasErrors() ? null : site, all, keepResolved && !problems.hasErrors() ? resolved : null,
                locator);
    }

    private static List<Problem> sorted(List<Problem> in) {
        List<Problem> out = new ArrayList<>(new LinkedHashSet<>(in));
        out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
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
