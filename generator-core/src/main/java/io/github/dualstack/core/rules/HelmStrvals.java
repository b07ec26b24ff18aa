package io.github.dualstack.core.rules;

import java.util.List;

/**
 * Keys and {@code key=value} arguments in Helm's strvals syntax (helm/helm pkg/strvals/parser.go), the syntax of
 * {@code helm --set} and of keadm's {@code --set} ({@code strvals.ParseInto}, keadm/cmd/keadm/app/cmd/helm/
 * helm_helper.go). In a key, {@code .} nests, {@code [} indexes and {@code =} ends it; in a value, {@code ,} starts
 * the next assignment and a leading {@code {} starts a list; a backslash makes the next character literal in both.
 * Helm still types the value ({@code true}, integers), which is what the chart's booleans and ports want.
 */
public final class HelmStrvals {

    private static final String KEY_SPECIAL = "\\.[]=,";
    private static final String VALUE_SPECIAL = "\\,{";

    private HelmStrvals() {
    }

    /** The key of nested map keys: each escaped, joined by dots. */
    public static String key(List<String> segments) {
        StringBuilder b = new StringBuilder();
        for (String segment : segments) {
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(escape(segment, KEY_SPECIAL));
        }
        return b.toString();
    }

    /** A list element's key: {@code key[index]}. */
    public static String element(String key, int index) {
        return key + "[" + index + "]";
    }

    /** {@code key=value}, the value escaped; {@code key} comes from {@link #key} or {@link #element}. */
    public static String assignment(String key, String value) {
        return key + "=" + escape(value, VALUE_SPECIAL);
    }

    private static String escape(String s, String special) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (special.indexOf(ch) >= 0) {
                b.append('\\');
            }
            b.append(ch);
        }
        return b.toString();
    }
}
