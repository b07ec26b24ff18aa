package io.github.dualstack.core.render;

import io.github.dualstack.core.plan.view.Labels;
import io.github.dualstack.core.plan.view.YamlTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
        Text out = new Text(null);
        append(value, false, out);
        return out.sb.toString();
    }

    /**
     * Feeds the view whole to {@code md}, every value with its length ahead of it, so that two different views never
     * give the same bytes: what a file's bytes are made from besides its template and header (see
     * {@link Renderer#key}). In pieces: a view that lists 100,000 nodes is never one string.
     */
    static void content(Object value, MessageDigest md) {
        Text out = new Text(md);
        append(value, true, out);
        out.flush();
    }

    /** Text built in pieces, handed to a digest every 64 Ki characters when there is one. */
    private static final class Text {
        private static final int CHUNK = 1 << 16;
        final StringBuilder sb = new StringBuilder(1024);
        private final MessageDigest md;

        Text(MessageDigest md) {
            this.md = md;
        }

        Text add(String s) {
            sb.append(s);
            if (md != null && sb.length() >= CHUNK) {
                flush();
            }
            return this;
        }

        Text add(char c) {
            sb.append(c);
            return this;
        }

        Text add(int i) {
            sb.append(i);
            return this;
        }

        void flush() {
            md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            sb.setLength(0);
        }
    }

    private static void append(Object value, boolean values, Text out) {
        if (values && (value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Enum<?> || value instanceof YamlTree)) {
            String text = value instanceof YamlTree t ? t.root().toString() : value.toString();
            out.add('s').add(text.length()).add(':').add(text);
        } else if (value instanceof Boolean b) {
            out.add(b ? 'T' : 'F');
        } else if (value instanceof Enum<?> e) {
            out.add(e.name());
        } else if (value instanceof Optional<?> o) {
            out.add(o.isPresent() ? "+" : "-");
            o.ifPresent(v -> append(v, values, out));
        } else if (value instanceof List<?> list && values) {
            out.add('[').add(list.size()).add(':');
            list.forEach(v -> append(v, true, out));
            out.add(']');
        } else if (value instanceof List<?> list) {
            TreeSet<String> elements = new TreeSet<>();
            list.forEach(v -> elements.add(of(v)));
            out.add('[').add(count(list.size())).add(String.join("|", elements)).add(']');
        } else if (value instanceof Labels labels && values) {
            out.add('L').add(labels.entries().size()).add(':');
            labels.entries().forEach((k, v) -> append(v, true, out.add('s').add(k.length()).add(':').add(k)));
        } else if (value instanceof Labels labels) {
            out.add('L').add(count(labels.entries().size()));
        } else if (value instanceof YamlTree) {
            out.add('Y');   // a merged document: the plan's shape names the captured file it came from
        } else if (value instanceof Record r) {
            out.add(values ? r.getClass().getName() : "").add('(');
            ViewWrapper.componentValues(r).forEach(v -> append(v, values, out));
            out.add(')');
        } else {
            out.add('s');
        }
    }

    /** None, one, or several: a template lists several the way it lists two. */
    private static char count(int size) {
        return size == 0 ? '0' : size == 1 ? '1' : 'n';
    }
}
