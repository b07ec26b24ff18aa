package io.github.dualstack.core.render;

import io.github.dualstack.core.SelfCheckScope;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.plan.OutputPlan;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Renders every file of a site with the bundled templates and self-checks each one, as
 * {@link SelfCheckScope#ALL} does: the proof, over a corpus, that the per-edge files which {@code SHAPES} skips are
 * correct by construction. Throws {@link RenderException} naming the first file that fails.
 */
public final class FullSelfCheck {

    private FullSelfCheck() {
    }

    /** The number of files rendered and checked. */
    public static long everyFile(Site site) {
        return everyFile(new OutputPlan(site));
    }

    public static long everyFile(OutputPlan plan) {
        Renderer renderer = new Renderer(Optional.empty(), "site.yaml", plan.site().name(), SelfCheckScope.ALL);
        Stream.concat(plan.siteFiles().stream(), plan.edgeFiles()).map(renderer::render).forEach(renderer::check);
        return renderer.filesChecked();
    }
}
