package io.github.dualstack.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The generated plugin descriptor (what {@code mvn help:describe} and m2e read) says what the issue promises:
 * goals, phases, thread safety, and a documented {@code dualstack.*} user property for every parameter.
 * The invoker ITs (src/it) check the same through real Maven; this fails fast without them.
 */
class PluginDescriptorTest {

    private static Map<String, Element> mojos;

    @BeforeAll
    static void readDescriptor() throws Exception {
        Document plugin = parse("META-INF/maven/plugin.xml");
        assertThat(text(plugin.getDocumentElement(), "goalPrefix")).isEqualTo("dualstack");
        mojos = new LinkedHashMap<>();
        for (Element mojo : children((Element) plugin.getElementsByTagName("mojos").item(0), "mojo")) {
            mojos.put(text(mojo, "goal"), mojo);
        }
    }

    @Test
    void goalsPhasesAndThreadSafety() {
        assertThat(mojos.keySet()).containsExactlyInAnyOrder("generate", "check", "validate", "init", "help");
        assertThat(text(mojos.get("generate"), "phase")).isEqualTo("generate-resources");
        assertThat(text(mojos.get("check"), "phase")).isEqualTo("verify");
        assertThat(text(mojos.get("validate"), "requiresProject")).isEqualTo("false");
        assertThat(text(mojos.get("init"), "requiresProject")).isEqualTo("false");
        assertThat(children(mojos.get("init"), "phase")).as("init is run by hand, never bound").isEmpty();
        for (String goal : List.of("generate", "check", "validate", "init")) {
            assertThat(text(mojos.get(goal), "threadSafe")).as(goal).isEqualTo("true");
            assertThat(text(mojos.get(goal), "description")).as(goal).isNotBlank();
        }
    }

    /**
     * Maven refuses a plugin whose requiredMavenVersion is above its own; the Mojos compile against the API of that
     * same version, so they cannot call anything the oldest supported Maven lacks.
     */
    @Test
    void requiresTheOldestSupportedMavenAndCompilesAgainstItsApi() throws Exception {
        Document plugin = parse("META-INF/maven/plugin.xml");
        assertThat(text(plugin.getDocumentElement(), "requiredMavenVersion")).isEqualTo("3.6.3");
        assertThat(text(plugin.getDocumentElement(), "requiredJavaVersion")).isEqualTo("17");
        Properties api = new Properties();
        try (InputStream in = PluginDescriptorTest.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.apache.maven/maven-plugin-api/pom.properties")) {
            assertThat(in).as("maven-plugin-api on the class path").isNotNull();
            api.load(in);
        }
        assertThat(api.getProperty("version")).isEqualTo("3.6.3");
    }

    @Test
    void everyParameterHasDescriptionAndUserProperty() {
        Map<String, List<String>> expected = Map.of(
                "generate", List.of("descriptor", "descriptors", "force", "maxDescriptorBytes", "outputDirectory",
                        "selfCheck", "siteOutputDirectory", "skip", "templateOverrides"),
                "check", List.of("descriptor", "descriptors", "maxDescriptorBytes", "outputDirectory",
                        "siteOutputDirectory", "skip", "templateOverrides"),
                "validate", List.of("descriptor", "descriptors", "maxDescriptorBytes", "skip"),
                "init", List.of("baseline", "descriptor", "force", "maxDescriptorBytes", "name", "skip"));
        for (String goal : List.of("generate", "check", "validate", "init")) {
            Element mojo = mojos.get(goal);
            List<String> names = new ArrayList<>();
            for (Element p : children((Element) mojo.getElementsByTagName("parameters").item(0), "parameter")) {
                if ("false".equals(text(p, "editable"))) {
                    continue;
                }
                String name = text(p, "name");
                names.add(name);
                assertThat(text(p, "description")).as(goal + "/" + name).isNotBlank();
                Element config = (Element) mojo.getElementsByTagName("configuration").item(0);
                assertThat(text(config, name)).as(goal + "/" + name + " user property")
                        .isEqualTo("${dualstack." + name + "}");
            }
            if (expected.containsKey(goal)) {
                assertThat(names).as(goal).containsExactlyInAnyOrderElementsOf(expected.get(goal));
            } else {
                assertThat(names).as(goal).contains("descriptor", "skip");
            }
        }
    }

    @Test
    void documentedDefaults() {
        Element config = (Element) mojos.get("generate").getElementsByTagName("configuration").item(0);
        assertThat(child(config, "descriptor").getAttribute("default-value")).isEqualTo("${basedir}/site.yaml");
        assertThat(child(config, "outputDirectory").getAttribute("default-value"))
                .isEqualTo("${project.basedir}/generated");
        assertThat(child(config, "skip").getAttribute("default-value")).isEqualTo("false");
        assertThat(child(config, "force").getAttribute("default-value")).isEqualTo("false");
        assertThat(child(config, "siteOutputDirectory").getAttribute("default-value")).isEqualTo("generated");
        assertThat(child(config, "descriptors").hasAttribute("default-value")).as("one site unless named").isFalse();
        Element init = (Element) mojos.get("init").getElementsByTagName("configuration").item(0);
        assertThat(child(init, "baseline").getAttribute("default-value")).isEqualTo("${basedir}/baseline");
        assertThat(child(init, "descriptor").getAttribute("default-value")).isEqualTo("${basedir}/site.yaml");
        assertThat(child(init, "force").getAttribute("default-value")).isEqualTo("false");
    }

    @Test
    void m2eLifecycleMappingCoversTheBoundGoals() throws Exception {
        Document m2e = parse("META-INF/m2e/lifecycle-mapping-metadata.xml");
        List<String> goals = new ArrayList<>();
        for (int i = 0; i < m2e.getElementsByTagName("goal").getLength(); i++) {
            goals.add(m2e.getElementsByTagName("goal").item(i).getTextContent().trim());
        }
        assertThat(goals).contains("generate", "check");
    }

    private static Document parse(String resource) throws Exception {
        try (InputStream in = PluginDescriptorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(parent.getTagName() + "/" + name).hasSize(1);
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }
}
