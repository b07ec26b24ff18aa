package io.github.dualstack.core.plan;

import io.github.dualstack.core.plan.view.BundledTemplate;
import io.github.dualstack.core.plan.view.View;
import java.util.Optional;

/**
 * One file of the output tree before rendering: where it goes and the view it prints. The view decides the
 * template and the file kind ({@link BundledTemplate}); every value is final here. {@code edgeShape}: for a file
 * that every edge node has, what the plan knows makes files of one template differ beyond their view's structure
 * (the hub's address family, the captured file merged); empty for a site-wide file, which is always self-checked.
 */
public record PlannedFile(String path, View view, Optional<String> edgeShape) {

    public PlannedFile {
        if (path == null || view == null || edgeShape == null) {
            throw new IllegalArgumentException("a planned file needs a path and a view");
        }
    }

    /** A site-wide file. */
    public PlannedFile(String path, View view) {
        this(path, view, Optional.empty());
    }

    public BundledTemplate template() {
        return BundledTemplate.of(view);
    }

    public FileKind kind() {
        return BundledTemplate.kindOf(view);
    }
}
