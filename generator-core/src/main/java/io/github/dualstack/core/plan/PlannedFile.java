package io.github.dualstack.core.plan;

import io.github.dualstack.core.plan.view.BundledTemplate;
import io.github.dualstack.core.plan.view.View;

/**
 * One file of the output tree before rendering: where it goes and the view it prints. The view decides the
 * template and the file kind ({@link BundledTemplate}); every value is final here.
 */
public record PlannedFile(String path, View view) {

    public PlannedFile {
        if (path == null || view == null) {
            throw new IllegalArgumentException("a planned file needs a path and a view");
        }
    }

    public BundledTemplate template() {
        return BundledTemplate.of(view);
    }

    public FileKind kind() {
        return BundledTemplate.kindOf(view);
    }
}
