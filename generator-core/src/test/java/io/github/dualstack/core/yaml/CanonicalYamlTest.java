package io.github.dualstack.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class CanonicalYamlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsInKubectlsLayoutWithSortedKeys() throws Exception {
        JsonNode tree = JSON.readTree("""
                {"metadata": {"name": "kube-proxy", "labels": {"app": "kube-proxy"}}, "apiVersion": "v1",
                 "spec": {"containers": [{"name": "c", "command": ["kube-apiserver", "--secure-port=6443"]}],
                          "tolerations": [{"operator": "Exists"}], "volumes": [], "empty": {}},
                 "data": {"config.conf": "a: 1\\nb:\\n  c: 2\\n", "oneLine": "x"}}
                """);
        assertThat(CanonicalYaml.print(tree)).isEqualTo("""
                apiVersion: v1
                data:
                  config.conf: |
                    a: 1
                    b:
                      c: 2
                  oneLine: x
                metadata:
                  labels:
                    app: kube-proxy
                  name: kube-proxy
                spec:
                  containers:
                  - command:
                    - kube-apiserver
                    - --secure-port=6443
                    name: c
                  empty: {}
                  tolerations:
                  - operator: Exists
                  volumes: []
                """);
    }

    /** Strings that YAML 1.1 (SnakeYAML, Go's yaml.v2) or 1.2 would read as something else are quoted. */
    @ParameterizedTest
    @ValueSource(strings = {"yes", "No", "on", "OFF", "y", "true", "null", "~", "", "010", "0x1F", "0o17", "1_000",
            "1:20", "1.5", ".5", "1e3", ".inf", "-.Inf", ".nan", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "<<",
            "=", " lead", "trail ", "a: b", "a #b", "key:", "-", "- x", "#x", "&a", "*a", "!t", "|", ">", "%x", "@x",
            "`x", "\"q", "'q", "[x", "{x", "?x", ",x", "tab\there", "né", "line\r\nbreak"})
    void quotesWhatWouldReadBackAsSomethingElse(String s) throws Exception {
        assertThat(CanonicalYaml.plainSafe(s)).as(s).isFalse();
        assertRoundTrips(JSON.createObjectNode().put("k", s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.10", "10.244.0.0/16,fd00:10:244::/56", "--advertise-address=192.0.2.10",
            "/etc/kubernetes/pki", "registry.k8s.io/kube-apiserver:v1.32.4", "Node,RBAC", "unix:///run/x.sock",
            "https://[::1]:2379", "kube-proxy", "0.0.0.0:10249", "IPv4", "v1"})
    void leavesPlainWhatIsUnambiguous(String s) throws Exception {
        assertThat(CanonicalYaml.plainSafe(s)).as(s).isTrue();
        assertRoundTrips(JSON.createObjectNode().put("k", s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb\n", "a\nb", "{\n  \"x\": 1\n}\n", "a\n\nb\n", "a\n  indented\n", " first\nx\n",
            "a\nb\n\n", "trailing \nspace\n", "\nleading break\n", "tab\t\nx\n", "cr\r\nx\n"})
    void multiLineStringsReadBackExactly(String s) throws Exception {
        assertRoundTrips(JSON.createObjectNode().put("k", s));
        assertRoundTrips(JSON.createObjectNode().set("list", JSON.createArrayNode().add(s)));
    }

    @Test
    void numbersBooleansNullsAndNestingReadBackExactly() throws Exception {
        assertRoundTrips(JSON.readTree("""
                {"i": 26, "neg": -1, "f": 1.5, "t": true, "n": null, "nested": [[1, [2]], {"a": [{}]}, []],
                 "deep": {"a": {"b": {"c": ["x", {"d": "y"}]}}}}
                """));
    }

    @Test
    void sameTreeSameBytes() throws Exception {
        JsonNode a = JSON.readTree("{\"b\": 1, \"a\": {\"d\": 2, \"c\": 3}}");
        JsonNode b = JSON.readTree("{\"a\": {\"c\": 3, \"d\": 2}, \"b\": 1}");
        assertThat(CanonicalYaml.print(a)).isEqualTo(CanonicalYaml.print(b));
    }

    /** Read back by a YAML 1.1 reader (SnakeYAML's safe loader) and by Jackson's: the same tree both times. */
    private static void assertRoundTrips(JsonNode tree) throws Exception {
        String text = CanonicalYaml.print(tree);
        assertThat(new YAMLMapper().readTree(text)).as(text).isEqualTo(tree);
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        JsonNode snake = JSON.valueToTree(loaded);
        assertThat(snake).as(text).isEqualTo(tree);
    }
}
