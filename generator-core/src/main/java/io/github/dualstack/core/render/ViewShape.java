package io.github.dualstack.core.render;

import io.github.dualstack.core.plan.view.Labels;
import io.github.dualstack.core.plan.view.YamlTree;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The structure of a view, without its text: what a template can branch on. Booleans and enums are kept (an
 * {@code <#if quic>} prints other lines), an {@code Optional} is present or not, a list or the labels are empty, one
 * or more; strings and numbers are left out, since the escaping output formats print any of them as one well-formed
 * scalar. Two views of one template with the same shape render to files of the same structure, which is what lets
 * the self-check take one file of each shape (see {@link io.github.dualstack.core.SelfCheckScope}).
 */
final class ViewShape {

    private ViewShape() {
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        append(value, false, out);
        return out.toString();
    }

    /**
     * The view whole, every value with its length ahead of it, so that two different views never give the same
     * text: what a file's bytes are made from besides its template and header (see {@link Renderer#key}).
     */
    static String content(Object value) {
        StringBuilder out = new StringBuilder(1024);
        append(value, true, out);
        return out.toString();
    }

    private static void append(Object value, boolean values, StringBuilder out) {
        if (values && (value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Enum<?> || value instanceof YamlTree)) {
            String text = value instanceof YamlTree t ? t.root().toString() : value.toString();
            out.append('s').append(text.length()).append(':').append(text);
        } else if (value instanceof Boolean b) {
            out.append(b ? 'T' : 'F');
        } else if (value instanceof Enum<?> e) {
            out.append(e.name());
        } else if (value instanceof Optional<?> o) {
            out.append(o.isPresent() ? "+" : "-");
            o.ifPresent(v -> append(v, values, out));
        } else if (value instanceof List<?> list && values) {
            out.append('[').append(list.size()).append(':');
            list.forEach(v -> append(v, true, out));
            out.append(']');
        } else if (value instanceof List<?> list) {
            TreeSet<String> elements = new TreeSet<>();
            list.forEach(v -> elements.add(of(v)));
            out.append('[').append(count(list.size())).append(String.join("|", elements)).append(']');
        } else if (value instanceof Labels labels && values) {
            out.append('L').append(labels.entries().size()).append(':');
            labels.entries().forEach((k, v) -> append(v, true, out.append('s').append(k.length()).append(':')
                    .append(k)));
        } else if (value instanceof Labels labels) {
            out.append('L').append(count(labels.entries().size()));
        } else if (value instanceof YamlTree) {
            out.append('Y');   // a merged document: the plan's shape names the captured file it came from
        } else if (value instanceof Record r) {
            out.append(values ? r.getClass().getName() : "").append('(');
            ViewWrapper.componentValues(r).forEach(v -> append(v, values, out));
            out.append(')');
        } else {
            out.append('s');
        }
    }

    /** None, one, or several: a template lists several the way it lists two. */
    private static char count(int size) {
        return size == 0 ? '0' : size == 1 ? '1' : 'n';
    }
}
