package io.github.dualstack.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.plan.view.ChartView;
import io.github.dualstack.core.rules.CloudCoreChart;
import io.github.dualstack.core.rules.HelmStrvals;
import io.github.dualstack.core.rules.ShellWord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command lines that install and upgrade the cloudcore chart with the values of {@link CloudCoreChartBuilder},
 * for helm and for keadm, each line already a sequence of shell words. keadm init reads no values file, only
 * {@code --advertise-address} and {@code --set} (keadm/cmd/keadm/app/cmd/cloud/init.go), so its line spells the
 * same values in strvals; helm and {@code keadm upgrade cloud} read the file ({@code -f}, {@code --values}) with
 * {@code --reuse-values}, so what the release holds besides stays. Neither names a KubeEdge version: an upgrade
 * here changes configuration, not the version (keadm then keeps the release's image tags).
 */
final class ChartCommands {

    /** Where a helm line expects the chart: KubeEdge publishes it in its repository, not in a Helm repository. */
    static final String CHART = "CHART";

    private ChartCommands() {
    }

    static ChartView view(SiteFacts facts, ChartInstall chart) {
        JsonNode values = CloudCoreChartBuilder.values(facts);
        // A running site has CloudCore installed; only a new one needs the install line.
        List<String> install = facts.captured.isPresent() ? List.of()
                : chart.keadm() ? keadmInit(values) : helmInstall(chart);
        List<String> upgrade = chart.keadm()
                ? List.of(words("keadm", "upgrade", "cloud", "--reuse-values"),
                        words("--values", CloudCoreChartBuilder.VALUES))
                : List.of(words("helm", "upgrade", chart.release(), CHART, "--namespace", chart.namespace(),
                        "--reuse-values"), words("-f", CloudCoreChartBuilder.VALUES));
        String patch = words("kubectl", "--namespace", chart.namespace(), "patch", "service", "cloudcore",
                "--type", "strategic", "--patch-file", CloudCoreChartBuilder.SERVICE_PATCH);
        boolean type = CloudCoreChartBuilder.servicePatch(facts, chart).type().isPresent();
        return new ChartView(chart.installer().name(), !chart.keadm(), chart.release(), chart.namespace(), CloudCoreChartBuilder.VALUES,
                CloudCoreChartBuilder.SERVICE_PATCH, install, upgrade, patch, type);
    }

    /** {@code keadm init} with the advertise addresses as its own flag and every other value as {@code --set}. */
    static List<String> keadmInit(JsonNode values) {
        List<String> lines = new ArrayList<>();
        lines.add("keadm init");
        JsonNode advertise = values.at("/" + CloudCoreChart.ADVERTISE_ADDRESS.replace('.', '/'));
        List<String> addresses = new ArrayList<>();
        advertise.forEach(a -> addresses.add(a.asText()));
        lines.add(words("--advertise-address=" + String.join(",", addresses)));
        List<String> sets = new ArrayList<>();
        strvals(values, List.of(), sets);
        sets.stream().filter(s -> !s.startsWith(CloudCoreChart.ADVERTISE_ADDRESS + "["))
                .forEach(s -> lines.add(words("--set", s)));
        return List.copyOf(lines);
    }

    private static List<String> helmInstall(ChartInstall chart) {
        return List.of(words("helm", "install", chart.release(), CHART, "--namespace", chart.namespace(),
                "--create-namespace"), words("-f", CloudCoreChartBuilder.VALUES));
    }

    /**
     * Every leaf of the values tree as one strvals assignment, in the tree's order. An empty list has no strvals
     * spelling ({@code key={}} is a list of one empty string), so it is left to the chart's default.
     */
    static void strvals(JsonNode node, List<String> keys, List<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                strvals(e.getValue(), Stream.concat(keys.stream(), Stream.of(e.getKey())).toList(), out);
            }
        } else if (node.isArray()) {
            String key = HelmStrvals.key(keys);
            for (int i = 0; i < node.size(); i++) {
                out.add(HelmStrvals.assignment(HelmStrvals.element(key, i), node.get(i).asText()));
            }
        } else {
            out.add(HelmStrvals.assignment(HelmStrvals.key(keys), node.asText()));
        }
    }

    private static String words(String... words) {
        return Stream.of(words).map(ShellWord::quote).collect(Collectors.joining(" "));
    }
}
