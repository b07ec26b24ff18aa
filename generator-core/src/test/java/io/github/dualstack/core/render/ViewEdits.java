package io.github.dualstack.core.render;

import io.github.dualstack.core.plan.view.Labels;
import io.github.dualstack.core.plan.view.View;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Copies of view records with some values changed: values no descriptor can produce, straight into a template. */
final class ViewEdits {

    private ViewEdits() {
    }

    /** The record with the components named (by their template names) replaced; fails on a name it does not have. */
    @SuppressWarnings("unchecked")
    static <V extends View> V with(V view, Map<String, Object> replacements) {
        Map<String, Object> left = new HashMap<>(replacements);
        Object copy = rebuild((Record) view, (c, v) -> left.containsKey(ViewWrapper.templateName(c))
                ? left.remove(ViewWrapper.templateName(c)) : v);
        if (!left.isEmpty()) {
            throw new IllegalArgumentException(view.getClass().getSimpleName() + " has no component " + left.keySet());
        }
        return (V) copy;
    }

    /** Every string in the value (records, lists, present optionals, label values; not label keys) mapped. */
    @SuppressWarnings("unchecked")
    static <T> T mapStrings(T value, UnaryOperator<String> fn) {
        Object out;
        if (value instanceof String s) {
            out = fn.apply(s);
        } else if (value instanceof List<?> list) {
            List<Object> mapped = new ArrayList<>();
            list.forEach(x -> mapped.add(mapStrings(x, fn)));
            out = mapped;
        } else if (value instanceof Optional<?> o) {
            out = o.map(x -> mapStrings(x, fn));
        } else if (value instanceof Labels labels) {
            TreeMap<String, String> mapped = new TreeMap<>();
            labels.entries().forEach((k, v) -> mapped.put(k, fn.apply(v)));
            out = new Labels(mapped);
        } else if (value instanceof Record r) {
            out = rebuild(r, (c, v) -> mapStrings(v, fn));
        } else {
            out = value;
        }
        return (T) out;
    }

    private interface ComponentEdit {
        Object apply(RecordComponent component, Object value);
    }

    private static Record rebuild(Record record, ComponentEdit edit) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = edit.apply(components[i], components[i].getAccessor().invoke(record));
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (Record) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
