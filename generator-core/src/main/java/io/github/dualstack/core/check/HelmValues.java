package io.github.dualstack.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.rules.CloudCoreChart;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A values file for KubeEdge's cloudcore chart: every key is a value the chart's templates read in every supported
 * version ({@link CloudCoreChart#valuePaths()}), or a mapping on the way to one. Helm ignores any other key
 * silently, so a misspelt path would leave the chart's default in place without a word.
 */
final class HelmValues {

    private HelmValues() {
    }

    static void check(JsonNode doc, Findings out) {
        if (!doc.isObject()) {
            out.add(Scope.ROOT.at(FieldPath.ROOT), "must be a mapping, got " + Values.type(doc));
            return;
        }
        walk(doc, "", FieldPath.ROOT, CloudCoreChart.valuePaths(), out);
    }

    private static void walk(JsonNode map, String prefix, FieldPath at, Set<String> read, Findings out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix + e.getKey();
            FieldPath field = at.child(e.getKey());
            if (read.contains(path)) {
                continue;   // the chart reads this value whole
            }
            if (read.stream().noneMatch(p -> p.startsWith(path + "."))) {
                out.add(Scope.ROOT.at(field), "is not a value the cloudcore chart reads (v1.20 to v1.23)");
            } else if (!e.getValue().isObject()) {
                out.add(Scope.ROOT.at(field), "must be a mapping of chart values, got " + Values.type(e.getValue()));
            } else {
                walk(e.getValue(), path + ".", field, read, out);
            }
        }
    }
}
