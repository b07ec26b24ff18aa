package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.dualstack.core.model.ClusterNode;
import io.github.dualstack.core.plan.view.JoinValuesView;
import io.github.dualstack.core.plan.view.Labels;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a template can and cannot reach of a view through {@link ViewWrapper}. */
class ViewWrapperTest {

    public record Item(String name, int size) {
        public String secret() {
            return "a method, not a component";
        }
    }

    public record Sample(String text, long big, boolean flag, ClusterNode.Role role, List<Item> items,
                         Optional<String> present, Optional<String> absent, Labels labels) {
    }

    public record WithMap(Map<String, String> map) {
    }

    public record WithNull(String text) {
    }

    public record WithObject(Object thing) {
    }

    static final Sample SAMPLE = new Sample("hello", 5_000_000_000L, true, ClusterNode.Role.CONTROL_PLANE,
            List.of(new Item("a", 1), new Item("b", 2)), Optional.of("here"), Optional.empty(),
            new Labels(new TreeMap<>(Map.of("k2", "v2", "k1", "v1"))));

    static String render(String template, Object view, ViewWrapper.UnknownNames unknown)
            throws IOException, TemplateException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setObjectWrapper(new ViewWrapper(unknown, Set.of()));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNumberFormat("computer");
        StringWriter out = new StringWriter();
        new Template("t", template, cfg).process(view, out);
        return out.toString();
    }

    static String render(String template, Object view) throws IOException, TemplateException {
        return render(template, view, ViewWrapper.UnknownNames.MISSING);
    }

    @Test
    void componentsAreTheirValues() throws Exception {
        assertThat(render("${text} ${big} <#if flag>on</#if> ${role}", SAMPLE)).isEqualTo("hello 5000000000 on control-plane");
        assertThat(render("<#list items as i>${i.name}=${i.size}<#sep>,</#list> ${items?size}", SAMPLE)).isEqualTo("a=1,b=2 2");
        assertThat(render("<#list labels as k, v>${k}=${v};</#list>${labels?size}", SAMPLE)).isEqualTo("k1=v1;k2=v2;2");
    }

    @Test
    void anOptionalIsItsValueOrMissing() throws Exception {
        assertThat(render("${present} <#if present??>yes</#if><#if absent??>no</#if>${absent!'-'}", SAMPLE))
                .isEqualTo("here yes-");
        assertThatThrownBy(() -> render("${absent}", SAMPLE)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("absent");
    }

    @Test
    void methodsAndJavaInternalsAreNotThere() throws Exception {
        assertThat(render("<#if items[0].secret??>x</#if><#if getClass??>x</#if><#if toString??>x</#if>"
                + "<#if hashCode??>x</#if><#if labels.entries??>x</#if>", SAMPLE)).isEmpty();
        assertThatThrownBy(() -> render("${text.length}", SAMPLE)).hasMessageContaining("Expected a hash");
        assertThatThrownBy(() -> render("${items[0].secret()}", SAMPLE)).isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> render("${text?api}", SAMPLE)).isInstanceOf(TemplateException.class);
    }

    @Test
    void anUnknownNameFailsWhenStrictNamingTheComponents() {
        assertThatThrownBy(() -> render("<#if items[0].nmae??>x</#if>", SAMPLE, ViewWrapper.UnknownNames.FAIL))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Item has no component \"nmae\"; it has name, size");
    }

    @Test
    void mapsNullsAndOtherObjectsAreRefused() {
        assertThatThrownBy(() -> render("${map.k}", new WithMap(Map.of("k", "v"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("not java.util.");
        assertThatThrownBy(() -> render("${text}", new WithNull(null)))
                .isInstanceOf(TemplateException.class).hasMessageContaining("WithNull.text is null");
        assertThatThrownBy(() -> render("${thing}", new WithObject(new StringBuilder("x"))))
                .isInstanceOf(TemplateException.class).hasMessageContaining("not java.lang.StringBuilder");
        assertThatThrownBy(() -> render("x", Map.of("text", "x"))).isInstanceOf(TemplateException.class);
    }

    @Test
    void aComponentJavaReservesGoesByItsTemplateName() {
        assertThat(ViewWrapper.componentNames(JoinValuesView.class)).contains("interface").doesNotContain("interfaceName")
                .startsWith("nodeName", "interface", "addresses");
    }
}
