package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dualstack.core.Descriptors;
import io.github.dualstack.core.Dualstack;
import io.github.dualstack.core.Report;
import io.github.dualstack.core.Request;
import io.github.dualstack.core.plan.EdgeGroups;
import io.github.dualstack.core.plan.PlannedFile;
import io.github.dualstack.core.plan.view.AnsibleInventoryView;
import io.github.dualstack.fixtures.SyntheticSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ansible/ as Ansible reads it: ansible-lint and ansible-playbook --syntax-check pass on every sample's files,
 * hostile values in the inventory are never evaluated, and the playbook run against this machine (local
 * connection, fake kubectl and keadm, join.sh stubs) joins each node with the token on join.sh's standard input
 * only. The tests that need Ansible are skipped when it is not installed ({@code apt-get install ansible
 * ansible-lint}).
 */
class AnsibleRolloutTest {

    private static final List<String> SAMPLES = List.of("dual-stack-site", "ipv6-primary-hostnetwork", "ipv6-only",
            "brownfield-kubeadm");
    private static final String TOKEN = "0123abcd.eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2lnbmF0dXJl";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    private Path generate(String sample) throws Exception {
        Path site = Path.of("..", "samples", sample, "site.yaml");
        Path out = tmp.resolve(sample);
        Report.Generate r = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(r.ok()).as(r.summary()).isTrue();
        return out;
    }

    record Result(int exit, String output) {
    }

    private static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve(".ansible-tmp").toString());
        pb.environment().put("ANSIBLE_HOME", dir.resolve(".ansible").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s timed out", String.join(" ", command)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void everySamplesRolloutPassesTheSyntaxCheckAndAnsibleLint() throws Exception {
        assumeTrue(ScriptHarness.installed("ansible-playbook") && ScriptHarness.installed("ansible-lint"),
                "ansible-playbook or ansible-lint is not installed (apt-get install ansible ansible-lint)");
        for (String sample : SAMPLES) {
            Path ansible = generate(sample).resolve("ansible");
            Result syntax = run(ansible, Map.of(), "ansible-playbook", "--syntax-check", "-i", "inventory/",
                    "edge-rollout.yaml");
            assertThat(syntax.exit()).as(sample + ": " + syntax.output()).isZero();
        }
        // ansible-lint takes seconds per file: the playbook holds nothing of the site, so one site stands for all
        Path ansible = tmp.resolve("dual-stack-site/ansible");
        Result lint = run(ansible, Map.of(), "ansible-lint", "--offline", "--profile", "production", "--nocolor",
                "edge-rollout.yaml", "inventory/edges.yaml");
        assertThat(lint.exit()).as(lint.output()).isZero();
        assertThat(Files.readString(ansible.resolve("edge-rollout.yaml")))
                .isEqualTo(Files.readString(tmp.resolve("ipv6-only/ansible/edge-rollout.yaml"))
                        .replace("(site lab-v6)", "(site factory-east)"));
    }

    /**
     * A fleet of more than a thousand nodes is listed in several files; Ansible reads the directory as one
     * inventory: every node once in kubeedge_edge, and each label group with all its nodes, from every file.
     */
    @Test
    void ansibleReadsAManyFileInventoryAsOne() throws Exception {
        assumeTrue(ScriptHarness.installed("ansible-inventory"), "ansible is not installed (apt-get install ansible)");
        int edges = 2_500;
        Path site = new SyntheticSite(edges, 5L).writeTo(tmp.resolve("fleet/site.yaml"));
        Path out = tmp.resolve("fleet/generated");
        Report.Generate g = Dualstack.generate(Request.Generate.of(site, out));
        assertThat(g.ok()).as(g.summary()).isTrue();
        List<String> files;
        try (var list = Files.list(out.resolve("ansible/inventory"))) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).containsExactly("edges-000.yaml", "edges-001.yaml", "edges-002.yaml", "edges-003.yaml");

        Result r = run(out.resolve("ansible"), Map.of(), "ansible-inventory", "-i", "inventory/", "--list");
        assertThat(r.exit()).as(r.output()).isZero();
        JsonNode list = new ObjectMapper().readTree(r.output().substring(r.output().indexOf('{')));
        List<String> all = new ArrayList<>();
        list.at("/kubeedge_edge/hosts").forEach(h -> all.add(h.asText()));
        assertThat(all).hasSize(edges).doesNotHaveDuplicates().contains(SyntheticSite.edgeName(1),
                SyntheticSite.edgeName(edges));
        var site1 = Descriptors.load(Files.readString(site)).site();
        EdgeGroups.of(site1.edgeNodes()).forEach((group, nodes) -> {
            List<String> members = new ArrayList<>();
            list.at("/" + group + "/hosts").forEach(h -> members.add(h.asText()));
            assertThat(members).as(group).containsExactlyInAnyOrderElementsOf(nodes);
        });
        // ansible-inventory shows an !unsafe value as {"__ansible_unsafe": VALUE}: still text, never templated
        assertThat(list.at("/_meta/hostvars/" + SyntheticSite.edgeName(7) + "/dualstack_internal_ips/0/__ansible_unsafe")
                .asText()).isEqualTo(SyntheticSite.edgeIpv4(7));
    }

    /** The token is read at run time: the rendered files never hold one, and every task that handles it hides it. */
    @Test
    void theTokenIsHandledOnlyByTasksWithNoLog() throws Exception {
        Path ansible = generate("dual-stack-site").resolve("ansible");
        JsonNode play = YAML.readTree(Files.readString(ansible.resolve("edge-rollout.yaml"))).get(0);
        List<String> handling = new ArrayList<>();
        for (JsonNode task : play.get("tasks")) {
            if (task.toString().contains("dualstack_token")) {
                handling.add(task.get("name").asText());
                assertThat(task.path("no_log").asBoolean()).as(task.get("name").asText()).isTrue();
            }
        }
        assertThat(handling).containsExactly("Fetch a join token on the kubectl host", "Join the node");
        assertThat(play.get("serial").toString()).isEqualTo("[\"1\",\"10%\",\"25%\"]");
        assertThat(play.get("max_fail_percentage").asInt()).isEqualTo(10);
        for (String file : List.of("inventory/edges.yaml", "edge-rollout.yaml")) {
            assertThat(Files.readString(ansible.resolve(file))).doesNotContainIgnoringCase("token:")
                    .doesNotContain("KUBEEDGE_TOKEN");
        }
    }

    /** Values that would be Jinja, YAML or shell if Ansible or YAML took them as more than text. */
    @Test
    void hostileInventoryValuesStayText() throws Exception {
        Path marker = tmp.resolve("evaluated");
        String lookup = "{{ lookup('pipe', 'touch " + marker + "') }}";
        String math = "{{ 6 * 7 }}";
        String quotes = "it's \"quoted\" {% raw %}";
        String lines = "a\nb: c\n- d";
        AnsibleInventoryView view = new AnsibleInventoryView(math, "kubeedge_edge", 0, 1, List.of(
                new AnsibleInventoryView.Host("edge-1", java.util.Optional.of(lookup), List.of(quotes, math, lines), 1)),
                List.of(new AnsibleInventoryView.Group("edge_line_1", List.of("edge-1"))));
        Renderer renderer = new Renderer(java.util.Optional.empty(), "site.yaml", "hostile");
        OutputFile rendered = renderer.render(new PlannedFile("ansible/inventory/edges.yaml", view));
        renderer.check(rendered);   // throws with every problem the self-check finds
        String text = new String(rendered.content(), StandardCharsets.UTF_8);
        JsonNode host = YAML.readTree(text).at("/all/children/kubeedge_edge/hosts/edge-1");
        assertThat(host.get("ansible_host").asText()).isEqualTo(lookup);
        assertThat(host.get("dualstack_internal_ips").get(2).asText()).isEqualTo(lines);
        assertThat(host.get("dualstack_internal_ips").get(1).asText()).isEqualTo(math);
        assertThat(host.get("dualstack_discovered").asInt()).isEqualTo(1);

        assumeTrue(ScriptHarness.installed("ansible"), "ansible is not installed (apt-get install ansible)");
        Path inventory = Files.writeString(tmp.resolve("inventory.yaml"), text);
        Result r = run(tmp, Map.of(), "ansible", "-i", inventory.toString(), "edge-1", "-c", "local",
                "-m", "ansible.builtin.debug", "-a",
                "msg={{ [ansible_host, dualstack_site, dualstack_internal_ips] }}");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("lookup('pipe'", "{{ 6 * 7 }}", "{% raw %}")
                .doesNotContain("\"42\"");   // {{ 6 * 7 }} evaluated (the temporary directory's digits may hold 42)
        assertThat(marker).doesNotExist();
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * The playbook run for real on this machine (every host over the local connection, as root without become):
     * each node's files are copied, join.sh gets the token from keadm gettoken on its standard input and from
     * nowhere else, and the node is verified with kubectl wait and its InternalIPs.
     */
    @Test
    void thePlaybookJoinsEachNodeWithTheTokenOnStandardInputOnly() throws Exception {
        assumeTrue(ScriptHarness.installed("ansible-playbook"),
                "ansible-playbook is not installed (apt-get install ansible)");
        assumeTrue(!Files.exists(Path.of("/etc/kubeedge/certs/server.crt")), "this machine is a KubeEdge edge node");
        Path tree = generate("dual-stack-site");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path log = tmp.resolve("calls.log");
        executable(bin.resolve("keadm"), "#!/bin/bash\n[[ $1 == gettoken ]] && printf '%s\\n' '" + TOKEN + "'\n");
        // kubectl wait: Ready at once; kubectl get node NAME: the InternalIPs the site gives NAME
        executable(bin.resolve("kubectl"), String.join("\n", "#!/bin/bash",
                "printf 'kubectl %s\\n' \"$*\" >> " + log,
                "[[ $1 == wait ]] && exit 0",
                "case $3 in",
                "  edge-0001) printf '192.0.2.101\\n2001:db8::101\\n' ;;",
                "  edge-0002) printf '2001:db8::102\\n192.0.2.102\\n' ;;",
                "  edge-0003) printf '192.0.2.103\\n2001:db8::103\\n' ;;",
                "  *) exit 1 ;;",
                "esac", ""));
        // the one join script, run where the playbook put it beside the node's files
        executable(tree.resolve("edge").resolve("join.sh"), String.join("\n", "#!/bin/bash",
                "printf '%s join.sh %s stdin=%s\\n' \"$(basename \"$PWD\")\" \"$*\" \"$(cat)\" >> " + log,
                "[[ -f etc/kubeedge/config/edgecore.yaml && -f join.env ]]", ""));
        Result r = run(tree.resolve("ansible"), Map.of("PATH", bin + ":" + System.getenv("PATH")),
                "ansible-playbook", "-i", "inventory/", "edge-rollout.yaml", "-e", "ansible_connection=local",
                "-e", "ansible_become=false", "-e", "ansible_python_interpreter=/usr/bin/python3",
                "-e", "dualstack_remote_dir=" + tmp.resolve("remote"));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain(TOKEN).contains("failed=0");
        List<String> calls = Files.readAllLines(log);
        for (String node : List.of("edge-0001", "edge-0002", "edge-0003")) {
            assertThat(calls).contains(node + " join.sh --token-file /dev/stdin stdin=" + TOKEN,
                    "kubectl wait --for=condition=Ready --timeout=300s node/" + node);
            assertThat(tmp.resolve("remote").resolve(node).resolve("etc/kubeedge/config/edgecore.yaml"))
                    .hasSameTextualContentAs(tree.resolve("edge").resolve(node).resolve("etc/kubeedge/config/edgecore.yaml"));
            assertThat(tmp.resolve("remote").resolve(node).resolve("join.sh")).isExecutable();
        }
        // serial: the canary edge-0001 alone, then the rest
        assertThat(r.output().split("PLAY \\[Roll out the edge nodes\\]", -1)).hasSizeGreaterThanOrEqualTo(3);
    }
}
