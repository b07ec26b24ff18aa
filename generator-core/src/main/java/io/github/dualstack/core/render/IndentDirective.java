package io.github.dualstack.core.render;

import freemarker.core.Environment;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * {@code <@indent n=4>...</@indent>}: renders its body (escaped as usual) and indents every non-empty line by
 * {@code n} spaces. It is how a whole YAML document (cloudcore.yaml, kube-proxy's config.conf) is embedded as a
 * readable literal block in a ConfigMap, instead of one long quoted string.
 */
final class IndentDirective implements TemplateDirectiveModel {

    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        Object n = params.get("n");
        if (!(n instanceof TemplateNumberModel num) || params.size() != 1 || body == null) {
            throw new TemplateModelException("use <@indent n=COUNT>body</@indent>");
        }
        String pad = " ".repeat(num.getAsNumber().intValue());
        StringWriter inner = new StringWriter();
        body.render(inner);
        String text = inner.toString();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (end > start) {
                env.getOut().write(pad);
                env.getOut().write(text, start, end - start);
            }
            env.getOut().write('\n');
            start = end + 1;
        }
    }
}
