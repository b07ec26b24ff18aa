package io.github.dualstack.core.validate;

import io.github.dualstack.core.FieldPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The address and CIDR literals the binder could not parse, each bound as absent, by field, with why in the words of
 * a problem line. A rule reports one where it would have read the value, so a literal is reported under the same
 * conditions as when the rule parsed it itself, and the rules after it see it absent but not missing.
 */
public final class RejectedLiterals {

    private final Map<FieldPath, List<String>> byPath = new HashMap<>();

    public void add(FieldPath path, String why) {
        add(path, List.of(why));
    }

    /** A literal with several problems (an endpoint's port and host), each a line of its own. */
    public void add(FieldPath path, List<String> why) {
        byPath.putIfAbsent(path, List.copyOf(why));
    }

    boolean isEmpty() {
        return byPath.isEmpty();
    }

    /** Whether a literal was written at {@code path} but did not parse. */
    boolean contains(FieldPath path) {
        return !byPath.isEmpty() && byPath.containsKey(path);
    }

    /** Why the literal at {@code path} did not parse, or null when it did or was not written. */
    List<String> why(FieldPath path) {
        return byPath.isEmpty() ? null : byPath.get(path);
    }
}
