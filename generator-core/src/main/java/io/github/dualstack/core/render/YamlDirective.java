package io.github.dualstack.core.render;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import io.github.dualstack.core.plan.view.YamlTree;
import io.github.dualstack.core.yaml.CanonicalYaml;
import java.io.IOException;
import java.util.Map;

/**
 * {@code <@yaml tree=document/>}: prints a document the plan merged, whole, in the canonical form (sorted keys,
 * quoting wherever a plain scalar could be read as anything else). It is the only way a template sees a
 * {@link YamlTree}.
 */
final class YamlDirective implements TemplateDirectiveModel {

    /** How a template holds a {@link YamlTree}: opaque, for this directive only. */
    record Opaque(YamlTree tree) implements TemplateModel {
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        Object tree = params.get("tree");
        if (!(tree instanceof Opaque o) || params.size() != 1 || body != null) {
            throw new TemplateModelException("use <@yaml tree=DOCUMENT/> with a document of the view");
        }
        env.getOut().write(CanonicalYaml.print(o.tree().root()));
    }
}
