package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.view.BundledTemplate;
import io.github.dualstack.core.plan.view.Labels;
import io.github.dualstack.core.plan.view.View;
import io.github.dualstack.core.plan.view.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each bundled template's contract with its view: every name it uses is a component of the view record (or, in a
 * loop, of the element record), and every view holds only what {@link ViewWrapper} shows a template.
 */
class TemplateContractTest {

    static String source(BundledTemplate t) throws IOException {
        try (InputStream in = TemplateEngine.class.getResourceAsStream(TemplateEngine.BUNDLED + "/" + t.fileName())) {
            assertThat(in).as(t.fileName()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(BundledTemplate.class)
    void everyNameATemplateUsesIsAComponentOfItsView(BundledTemplate t) throws IOException {
        TemplateReferences.Result r = TemplateReferences.check(source(t), t.view());
        assertThat(r.problems()).as(t.fileName()).isEmpty();
        assertThat(r.resolved()).as("%s refers to its view", t.fileName()).isNotEmpty();
    }

    @Test
    void theExtractorSeesEveryKindOfReference() throws IOException {
        Set<String> all = new TreeSet<>();
        for (BundledTemplate t : BundledTemplate.values()) {
            all.addAll(TemplateReferences.check(source(t), t.view()).resolved());
        }
        assertThat(all).contains(
                "JoinValuesView.interface",           // ${interface}, a renamed component
                "FamilyAddress.flag",                 // a loop variable's member
                "Node.sysctl", "SysctlSetting.key",   // a nested loop
                "Port.nodePort",                      // <#if p.nodePort??>
                "Probe.readiness",                    // <#if probe.readiness??>
                "EdgeCoreView.labels",                // <#list labels as key, value>
                "RunbookView.cloudNodes",             // ${cloudNodes?join(", ")}
                "Pool.natOutgoing");                  // <#if p.natOutgoing>
    }

    /** The extractor fails where a template and its view disagree: a check that cannot fail proves nothing. */
    @Test
    void aNameThatIsNoComponentIsReported() throws IOException {
        assertThat(problems(BundledTemplate.JOIN_VALUES, "${nodeName}", "${nodeNam}"))
                .containsExactly("nodeNam: nodeNam is no component of JoinValuesView");
        assertThat(problems(BundledTemplate.JOIN, "${siteName}", "${siteNam}"))
                .containsExactly("siteNam: siteNam is no component of JoinScriptView");
        assertThat(problems(BundledTemplate.JOIN_VALUES, "${a.flag}", "${a.flags}"))
                .containsExactly("a.flags: flags is no component of FamilyAddress");
        assertThat(problems(BundledTemplate.CLOUDCORE_SERVICE, "<#if p.nodePort??>", "<#if p.nodeport??>"))
                .containsExactly("p.nodeport: nodeport is no component of Port");
        assertThat(problems(BundledTemplate.PREFLIGHT, "${s.key}", "${n.key}"))
                .containsExactly("n.key: key is no component of Node");
        assertThat(problems(BundledTemplate.STATIC_POD, "${probe.host}", "${probe.host.name}"))
                .allMatch(p -> p.equals("probe.host.name: name is no component of String"));
        assertThat(problems(BundledTemplate.EDGECORE, "<#list labels as key, value>", "<#list nodeName as key, value>"))
                .containsExactly("nodeName is no hash");
    }

    private static List<String> problems(BundledTemplate t, String from, String to) throws IOException {
        String source = source(t);
        assertThat(source).contains(from);
        return TemplateReferences.check(source.replace(from, to), t.view()).problems();
    }

    @Test
    void everyViewIsBoundToExactlyOneTemplate() {
        Set<Class<?>> views = Arrays.stream(View.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertThat(Arrays.stream(BundledTemplate.values()).<Class<?>>map(BundledTemplate::view).toList())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(views);
        for (BundledTemplate t : BundledTemplate.values()) {
            assertThat(BundledTemplate.byFileName(t.fileName())).contains(t);
        }
        assertThat(TemplateEngine.BUNDLED_NAMES).isEqualTo(BundledTemplate.FILE_NAMES).hasSize(BundledTemplate.values().length);
    }

    /** Statically what the wrapper shows: a view that needs a type it refuses fails here, not at its first render. */
    @ParameterizedTest
    @EnumSource(BundledTemplate.class)
    void everyViewHoldsOnlyWhatTheWrapperShows(BundledTemplate t) {
        List<String> refused = new java.util.ArrayList<>();
        shown(t.view(), refused);
        assertThat(refused).as(t.view().getSimpleName()).isEmpty();
    }

    private static final Set<Class<?>> SCALARS = Set.of(String.class, int.class, Integer.class, long.class, Long.class,
            boolean.class, Boolean.class);

    private static void shown(Type type, List<String> refused) {
        Class<?> raw = TemplateReferences.raw(type);
        if (SCALARS.contains(raw) || raw.isEnum() || raw == Labels.class || raw == YamlTree.class) {
            return;
        }
        if ((raw == List.class || raw == Optional.class) && type instanceof ParameterizedType p) {
            shown(p.getActualTypeArguments()[0], refused);
            return;
        }
        if (raw.isRecord() && Modifier.isPublic(raw.getModifiers())) {
            for (RecordComponent c : raw.getRecordComponents()) {
                shown(c.getGenericType(), refused);
            }
            return;
        }
        refused.add(type.getTypeName());
    }
}
