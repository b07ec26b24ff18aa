package io.github.dualstack.core.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the insertion-ordered maps that templates read. */
final class Maps {

    private Maps() {
    }

    /** {@code of("a", 1, "b", 2)}; null values are refused, so a template never meets a missing value by accident. */
    static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            if (v == null) {
                throw new IllegalArgumentException("null model value for " + keysAndValues[i]);
            }
            m.put((String) keysAndValues[i], v);
        }
        return m;
    }
}
