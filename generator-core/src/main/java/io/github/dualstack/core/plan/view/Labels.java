package io.github.dualstack.core.plan.view;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Node labels, key to value in key order: the one table a view holds. Templates see it as a hash of its keys
 * ({@code labels?size}, {@code <#list labels as key, value>}), never as a Java map.
 */
public record Labels(SortedMap<String, String> entries) {

    public Labels {
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }
}
