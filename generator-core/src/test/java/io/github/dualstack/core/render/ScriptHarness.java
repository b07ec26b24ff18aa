package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dualstack.core.Commands;
import io.github.dualstack.core.descriptor.DescriptorLoader;
import io.github.dualstack.core.model.Site;
import io.github.dualstack.core.plan.OutputPlan;
import io.github.dualstack.core.plan.PlannedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
/**
 * What the edge, script and runbook tests share: the samples rendered with the bundled templates, and a shell with
 * fake ip, curl, sysctl, systemctl, kubectl, openssl and keadm first on PATH, so that the scripts' real behaviour is
 * checked without root or a cluster.
 */
abstract class ScriptHarness {

    static final Set<String> TEMPLATES = Set.of("edgecore.yaml.ftl", "join.sh.ftl", "join.env.ftl", "preflight.sh.ftl",
            "verify.sh.ftl", "regenerate-cloudcore-certs.sh.ftl", "runbook.md.ftl", "stream-redirect.sh.ftl");
    static final List<String> SAMPLES = List.of("dual-stack-site", "ipv6-primary-hostnetwork", "ipv6-only",
            "new-cluster-kubeadm");
    static final TemplateEngine ENGINE = new TemplateEngine(Optional.empty());
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String TOKEN = "0123abcd.eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2lnbmF0dXJl";

    @TempDir
    Path tmp;
    Path bin;
    Path log;
    private final List<Path> linkDirs = new ArrayList<>();

    // ------------------------------------------------------------------ edgecore.yaml

    @BeforeEach
    void fakeTools() throws IOException {
        bin = Files.createDirectories(tmp.resolve("fake-bin"));
        log = Files.writeString(tmp.resolve("fake.log"), "");
        tool("ip", """
                # addresses from $FAKE_ADDRS ("inet 192.0.2.1/24" lines), IPv6 routes from $FAKE_ROUTE6
                echo "ip $*" >> "$FAKE_LOG"
                if [ "$1 $2" = "-6 route" ]; then
                    if [ -n "${FAKE_ROUTE6:-}" ]; then printf '%s\\n' "$FAKE_ROUTE6"; fi
                    exit 0
                fi
                fam=inet
                if [ "$1" = -6 ]; then fam=inet6; fi
                printf '%s\\n' "${FAKE_ADDRS:-}" | while read -r f a; do
                    if [ "$f" = "$fam" ]; then echo "2: $6    $f $a scope global $6"; fi
                done
                """);
        tool("curl", """
                echo "curl $*" >> "$FAKE_LOG"
                out=""
                cacert=false
                while [ $# -gt 0 ]; do
                    case "$1" in
                        -o) out="$2"; shift ;;
                        --cacert) cacert=true ;;
                    esac
                    last="$1"
                    shift
                done
                if [ -n "$out" ] && [ "$out" != /dev/null ]; then echo ca > "$out"; fi
                if [ "$cacert" = true ]; then exit "${FAKE_CACERT_RC:-0}"; fi
                case "$last" in */) exit "${FAKE_TUNNEL_RC:-0}" ;; esac   # CloudStream's tunnel port
                exit "${FAKE_CURL_RC:-0}"
                """);
        tool("openssl", """
                echo "openssl $*" >> "$FAKE_LOG"
                while [ $# -gt 0 ]; do
                    if [ "$1" = -out ]; then echo pem > "$2"; fi
                    shift
                done
                """);
        tool("sysctl", """
                # sysctl -n KEY with values from $FAKE_SYSCTL ("key=value" lines)
                echo "sysctl $*" >> "$FAKE_LOG"
                printf '%s\\n' "${FAKE_SYSCTL:-}" | awk -F= -v k="$2" \\
                    '$1 == k { print substr($0, length(k) + 2); found = 1 } END { exit found ? 0 : 1 }' && exit 0
                echo "sysctl: cannot stat /proc/sys/$2: No such file or directory" >&2
                exit 255
                """);
        tool("systemctl", """
                echo "systemctl $*" >> "$FAKE_LOG"
                case "$1" in
                    cat) if [ -n "${FAKE_DROPIN:-}" ]; then echo 'Environment="KUBELET_DUALSTACK_ARGS=--node-ip=x"'; fi ;;
                    show) echo no ;;
                esac
                """);
        tool("kubectl", """
                echo "kubectl $*" >> "$FAKE_LOG"
                case "$*" in
                    "get nodes -o jsonpath="*) cat "$FAKE_NODES" ;;
                    "-n "*" get pod "*) printf '%s' "${FAKE_POD_NODE:-}"; exit "${FAKE_POD_RC:-0}" ;;
                    "-n "*" logs "*) echo "a log line"; [ "${FAKE_LOGS_RC:-0}" = 0 ] || echo "error: dial tcp: i/o timeout" >&2
                        exit "${FAKE_LOGS_RC:-0}" ;;
                    "-n "*" get pods -o jsonpath="*) if [ -n "${FAKE_PODS:-}" ]; then awk -F'\\t' -v ns="$2" '$1 == ns' "$FAKE_PODS"; fi
                        exit "${FAKE_PODS_RC:-0}" ;;
                    *"get configmap cloudcore -o jsonpath="*) cat "$FAKE_CONFIG" ;;
                    *"get service cloudcore -o jsonpath="*) printf '%s' "${FAKE_LB_INGRESS:-}"
                        exit "${FAKE_SERVICE_RC:-0}" ;;
                esac
                """);
        tool("keadm", """
                echo "keadm $*" >> "$FAKE_LOG"
                echo "keadm env KUBEEDGE_TOKEN=${KUBEEDGE_TOKEN:-}" >> "$FAKE_LOG"
                [ -n "${FAKE_KE:-}" ] || exit 0
                # keadm join (keadm/cmd/keadm/app/cmd/edge/join_others.go) puts the token into a bootstrap file and
                # into the edgecore.yaml it creates, both under the caller's umask; edgecore gets its certificate,
                # then rewrites edgecore.yaml without the token (edge/cmd/edgecore/app/server.go cleanupToken).
                for a in "$@"; do case "$a" in --token=*) token="${a#--token=}" ;; esac; done
                mkdir -p "$FAKE_KE/config" "$FAKE_KE/certs"
                printf '%s' "$token" > "$FAKE_KE/bootstrap-edgecore.conf"
                printf 'modules:\n  edgeHub:\n    token: %s\n' "$token" > "$FAKE_KE/config/edgecore.yaml"
                cd "$FAKE_KE" && echo "keadm made bootstrap-edgecore.conf $(stat -c %a bootstrap-edgecore.conf)," \\
                    "edgecore.yaml $(stat -c %a config/edgecore.yaml), config/ $(stat -c %a config)" >> "$FAKE_LOG"
                if [ -n "${FAKE_KEADM_FAIL:-}" ]; then exit 1; fi   # as if killed: the bootstrap file stays
                echo cert > certs/server.crt
                rm bootstrap-edgecore.conf
                case "$FAKE_CLEANUP" in
                    now) sed -i 's/token: .*/token: ""/' config/edgecore.yaml ;;
                    later) : > "$FAKE_PENDING" ;;   # done by the first sleep of join.sh's wait
                esac
                """);
        tool("hostname", "echo \"$FAKE_HOSTNAME\"\n");
        // the scripts wait between retries; the fakes answer at once, and edgecore's pending token clean-up happens
        tool("sleep", """
                if [ -f "${FAKE_PENDING:-/nonexistent}" ]; then
                    sed -i 's/token: .*/token: ""/' "$FAKE_KE/config/edgecore.yaml" && rm "$FAKE_PENDING"
                fi
                """);
    }

    void tool(String name, String body) throws IOException {
        Path p = Files.writeString(bin.resolve(name), "#!/bin/sh\n" + body);
        assertThat(p.toFile().setExecutable(true)).isTrue();
    }

    /**
     * A PATH directory with every command the fakes and this machine's PATH offer, first one of a name winning,
     * except {@code tool}: a script run with it finds no such command, as on a host where it is not installed.
     */
    Path pathWithout(String tool) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("path-without-" + tool));
        linkDirs.add(dir);
        List<Path> sources = new ArrayList<>(List.of(bin));
        for (String p : System.getenv("PATH").split(File.pathSeparator)) {
            sources.add(Path.of(p));
        }
        for (Path source : sources) {
            if (!Files.isDirectory(source)) {
                continue;
            }
            try (var entries = Files.list(source)) {
                for (Path e : (Iterable<Path>) entries::iterator) {
                    Path link = dir.resolve(e.getFileName().toString());
                    if (!e.getFileName().toString().equals(tool) && Files.isExecutable(e) && !Files.isDirectory(e)
                            && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, e.toAbsolutePath());
                    }
                }
            }
        }
        return dir;
    }

    /** Removes the PATH directories of links before the temporary directory goes, which warns about each link out. */
    @AfterEach
    void removeLinkDirs() throws IOException {
        for (Path dir : linkDirs) {
            try (var links = Files.list(dir)) {
                for (Path l : (Iterable<Path>) links::iterator) {
                    Files.delete(l);
                }
            }
        }
        linkDirs.clear();
    }

    String fakeLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a script run left: its exit code and output (fields, as the tests read them). */
    static final class Run {
        final int exit;
        final String out;
        final String err;

        Run(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }
    }

    /** Runs a command with the fake tools first on PATH and no join token in the environment. */
    Run run(List<String> cmd, Map<String, String> env) throws IOException {
        return run(cmd, env, Path.of("/dev/null"));
    }

    Run run(List<String> cmd, Map<String, String> env, Path stdin) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().remove("KUBEEDGE_TOKEN");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("FAKE_LOG", log.toString());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(stdin.toFile()));
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * shellcheck is slow per file: one join.sh per site stands for all (they differ only in values), and every file
     * gets its own process, run side by side.
     */
    void assertShellcheckClean(List<Path> scripts) throws IOException {
        List<Process> processes = new ArrayList<>();
        boolean joinChecked = false;
        for (Path script : scripts) {
            if (script.endsWith("join.sh")) {
                if (joinChecked) {
                    continue;
                }
                joinChecked = true;
            }
            processes.add(new ProcessBuilder("shellcheck", "--format=gcc", script.toString()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start());
        }
        List<String> findings = new ArrayList<>();
        for (Process p : processes) {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    findings.add("shellcheck timed out");
                } else if (p.exitValue() != 0) {
                    findings.add(output.isEmpty() ? "shellcheck exit " + p.exitValue() : output);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(findings).isEmpty();
    }

    static boolean shellcheckInstalled() {
        return installed("shellcheck");
    }

    /** Whether {@code tool --version} runs and succeeds: the tests that need an optional tool skip without it. */
    static boolean installed(String tool) {
        return Commands.installed(tool, "--version");
    }

    static Site load(String sample) {
        try {
            return loadText(Files.readString(Path.of("..", "samples", sample, "site.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Site loadText(String text) {
        DescriptorLoader.Result r = new DescriptorLoader(16L << 20).load("site.yaml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.ok()).as(r.problems().toString()).isTrue();
        return r.site();
    }

    /** The planned files that these templates render. */
    static List<PlannedFile> files(Site site) {
        OutputPlan plan = new OutputPlan(site);
        return Stream.concat(plan.siteFiles().stream(), plan.edgeFiles())
                .filter(f -> TEMPLATES.contains(f.template().fileName())).toList();
    }

    static String render(PlannedFile f) {
        return ENGINE.render(f.template().fileName(), f.view());
    }

    static PlannedFile file(Site site, String path) {
        return files(site).stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("not planned: " + path));
    }

    static JsonNode edgecore(Site site, String node) {
        return parse(render(file(site, "edge/" + node + "/etc/kubeedge/config/edgecore.yaml")));
    }

    static String runbook(Site site) {
        return render(file(site, "README.md"));
    }

    static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSorted(JsonNode node, String where) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            assertThat(names).as(where).isSorted();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertSorted(e.getValue(), where + "." + e.getKey());
            }
        }
    }

    /** Writes every rendered file of these templates under root (scripts and edge trees); returns the scripts. */
    static List<Path> writeScripts(Site site, Path root) throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (PlannedFile f : files(site)) {
            Path p = root.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, render(f));
            if (f.path().endsWith(".sh")) {
                scripts.add(p);
            }
        }
        return scripts;
    }

    Path script(Site site, String path) throws IOException {
        Path p = tmp.resolve("tree").resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, render(file(site, path)));
    }

    Path kubeedgeDir() {
        return tmp.resolve("kubeedge");
    }

    /**
     * edge-0001's join.sh run for real (no --dry-run) under the usual umask 022, as root would run it, with
     * /etc/kubeedge moved to {@link #kubeedgeDir()} and the fake keadm acting as keadm join and edgecore.
     */
    Run joinForReal(Map<String, String> env, Path stdin, String... args) throws IOException {
        Path script = writeEdge(load("dual-stack-site"), "edge-0001");
        String text = replaceOnce(script, new String[] {"\nKUBEEDGE_DIR=/etc/kubeedge\n", "\nKUBEEDGE_DIR=" + kubeedgeDir() + "\n"},
                new String[] {"$EUID -ne 0", "0 -ne 0"});
        // never the real /etc/kubeedge: these tests may run as root
        assertThat(text.lines().filter(l -> !l.strip().startsWith("#"))
                .filter(l -> Pattern.compile("(?<!\\w)/etc/kubeedge").matcher(l).find())).isEmpty();
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "umask 022 && exec bash \"$@\"", "join",
                script.toString(), "--skip-preflight"));
        cmd.addAll(List.of(args));
        Map<String, String> all = new LinkedHashMap<>(Map.of("FAKE_KE", kubeedgeDir().toString(),
                "FAKE_PENDING", tmp.resolve("cleanup-pending").toString(), "FAKE_CLEANUP", "now"));
        all.putAll(env);
        return run(cmd, all, stdin);
    }

    /** Rewrites {@code script} with each {from, to} pair replaced, each found exactly once; returns the new text. */
    static String replaceOnce(Path script, String[]... replacements) throws IOException {
        String text = Files.readString(script);
        for (String[] r : replacements) {
            assertThat(text).containsOnlyOnce(r[0]);
            text = text.replace(r[0], r[1]);
        }
        Files.writeString(script, text);
        return text;
    }

    /** Every file under tmp that holds the join token, with its permissions; but the fakes' log and the inputs. */
    Map<Path, String> filesHoldingTheToken(Path... inputs) throws IOException {
        Set<Path> skip = Set.of(inputs);
        Map<Path, String> holders = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (!f.equals(log) && !skip.contains(f) && Files.readString(f, StandardCharsets.ISO_8859_1).contains(TOKEN)) {
                    holders.put(f, mode(f));
                }
            }
        }
        return holders;
    }

    static String mode(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
        return PosixFilePermissions.toString(perms);
    }

    /** edge/NODE/join.sh with its edgecore.yaml beside it, as the node receives them. */
    /**
     * The node's directory as copied to it, edgecore.yaml and join.env, with the one edge/join.sh copied in beside
     * them (where it finds join.env without an argument); returns that copy of the script.
     */
    Path writeEdge(Site site, String node) throws IOException {
        script(site, "edge/" + node + "/etc/kubeedge/config/edgecore.yaml");
        script(site, "edge/" + node + "/join.env");
        Path shared = script(site, "edge/join.sh");
        return Files.copy(shared, shared.resolveSibling(node).resolve("join.sh"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
