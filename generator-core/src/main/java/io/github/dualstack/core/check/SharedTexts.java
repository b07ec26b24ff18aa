package io.github.dualstack.core.check;

import java.util.HashMap;
import java.util.Map;

/**
 * The same short key or value text as one instance: at 100,000 edge nodes the keys ({@code name}, {@code ipv4})
 * and most values ({@code eth0}, {@code IPv6}) repeat on every node, and the tree and the site bound from it
 * would otherwise hold each repetition. Bounded, as unique values (addresses, names) gain nothing. One per read.
 */
public final class SharedTexts {

    private static final int MAX_LENGTH = 32;
    private static final int MAX_TEXTS = 4096;

    private final Map<String, String> texts = new HashMap<>();

    /** {@code s}, or the instance of the same text seen first. */
    public String of(String s) {
        if (s == null || s.length() > MAX_LENGTH) {
            return s;
        }
        String first = texts.get(s);
        if (first != null) {
            return first;
        }
        if (texts.size() < MAX_TEXTS) {
            texts.put(s, s);
        }
        return s;
    }
}
