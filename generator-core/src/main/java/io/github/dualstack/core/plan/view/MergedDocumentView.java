package io.github.dualstack.core.plan.view;

import io.github.dualstack.core.plan.FileKind;
import java.util.List;

/**
 * merged.yaml.ftl: a captured object with only its dual-stack fields changed. Components: {@code source} (the
 * captured file, as problems name it), {@code changed} (the fields that differ from it), {@code document}. The
 * {@code kind} is the kind of file the document is (a Kubernetes object, a CloudCore ConfigMap, an edgecore.yaml),
 * which decides its self-check; the template does not print it.
 */
public record MergedDocumentView(FileKind kind, String source, List<String> changed, YamlTree document)
        implements View {

    public MergedDocumentView {
        changed = List.copyOf(changed);
    }
}
