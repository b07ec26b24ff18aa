package io.github.dualstack.core.render;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleHash;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateSequenceModel;
import io.github.dualstack.core.plan.view.Labels;
import io.github.dualstack.core.plan.view.TemplateName;
import io.github.dualstack.core.plan.view.YamlTree;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The only way a template sees its view. A record is a hash of its components and nothing else (no methods, no
 * class); a {@code List} is a sequence; strings, whole numbers and booleans are themselves; an enum is its
 * {@code toString()} (the spelling the descriptor and the rendered file use); {@link Labels} is a hash of label
 * keys. An {@code Optional} component is its value when present and FreeMarker's "missing" when empty, so a
 * template says absence with {@code ??} or {@code has_content}. Anything else (a map, null, any other object) is
 * refused. Accessors are looked up once per record class, however many edges are rendered.
 */
final class ViewWrapper implements ObjectWrapper {

    /** What a name that is no component of the record is. */
    enum UnknownNames {
        /** Missing, as FreeMarker reports it for any data model: how template overrides have always seen it. */
        MISSING,
        /** An error naming the view and its components: proves a template uses nothing else. */
        FAIL
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private final UnknownNames unknown;
    private final Set<String> sharedVariables;

    /** {@code sharedVariables}: names FreeMarker looks up in the data model first, such as the indent directive. */
    ViewWrapper(UnknownNames unknown, Set<String> sharedVariables) {
        this.unknown = unknown;
        this.sharedVariables = Set.copyOf(sharedVariables);
    }

    @Override
    public TemplateModel wrap(Object value) throws TemplateModelException {
        if (value instanceof String s) {
            return new SimpleScalar(s);
        }
        if (value instanceof Integer || value instanceof Long) {
            return new SimpleNumber((Number) value);
        }
        if (value instanceof Boolean b) {
            return b ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
        }
        if (value instanceof Enum<?> e) {
            return new SimpleScalar(e.toString());
        }
        if (value instanceof List<?> list) {
            return new Sequence(list);
        }
        if (value instanceof YamlTree tree) {
            return new YamlDirective.Opaque(tree);
        }
        if (value instanceof Labels labels) {
            return new SimpleHash(labels.entries(), this);
        }
        if (value instanceof Record r) {
            return new RecordHash(r, SHAPES.get(r.getClass()));
        }
        if (value instanceof TemplateModel m) {
            return m;   // already a FreeMarker value (what a template computed), never a Java object
        }
        throw new TemplateModelException("a template sees records, lists, strings, whole numbers, booleans and enums"
                + " only, not " + (value == null ? "null" : value.getClass().getName()));
    }

    /** The names a template uses for the components of a view record, in declaration order. */
    static List<String> componentNames(Class<?> recordType) {
        return List.copyOf(SHAPES.get(recordType).accessors.keySet());
    }

    /** The values of a record's components, in declaration order, through the same accessors templates use. */
    static List<Object> componentValues(Record record) {
        List<Object> values = new java.util.ArrayList<>();
        for (MethodHandle accessor : SHAPES.get(record.getClass()).accessors.values()) {
            try {
                values.add((Object) accessor.invokeExact((Object) record));
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read a component of " + record.getClass().getName(), e);
            }
        }
        return values;
    }

    /** The name a template uses for a record component: its own, unless Java reserves it. */
    static String templateName(RecordComponent c) {
        TemplateName renamed = c.getAnnotation(TemplateName.class);
        return renamed == null ? c.getName() : renamed.value();
    }

    /** A record class's components, by template name, with their accessors. */
    private record Shape(String name, Map<String, MethodHandle> accessors) {
        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            Map<String, MethodHandle> accessors = new LinkedHashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                try {
                    accessors.put(templateName(c), MethodHandles.publicLookup().unreflect(c.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class)));
                } catch (IllegalAccessException e) {
                    throw new IllegalArgumentException(type.getName() + " must be a public record to be a view", e);
                }
            }
            return new Shape(type.getSimpleName(), Collections.unmodifiableMap(accessors));
        }
    }

    private final class RecordHash implements TemplateHashModel {
        private final Record record;
        private final Shape shape;

        RecordHash(Record record, Shape shape) {
            this.record = record;
            this.shape = shape;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            MethodHandle accessor = shape.accessors.get(key);
            if (accessor == null) {
                if (unknown == UnknownNames.FAIL && !sharedVariables.contains(key)) {
                    throw new TemplateModelException(shape.name + " has no component \"" + key + "\"; it has "
                            + String.join(", ", componentNames(record.getClass())));
                }
                return null;
            }
            Object value;
            try {
                value = (Object) accessor.invokeExact((Object) record);
            } catch (Throwable e) {
                throw new TemplateModelException("cannot read " + shape.name + "." + key, e);
            }
            if (value instanceof Optional<?> optional) {
                return optional.isPresent() ? wrap(optional.get()) : null;
            }
            if (value == null) {
                throw new TemplateModelException(shape.name + "." + key + " is null; a view says absent with"
                        + " Optional.empty()");
            }
            return wrap(value);
        }

        @Override
        public boolean isEmpty() {
            return shape.accessors.isEmpty();
        }
    }

    private final class Sequence implements TemplateSequenceModel {
        private final List<?> list;

        Sequence(List<?> list) {
            this.list = list;
        }

        @Override
        public TemplateModel get(int index) throws TemplateModelException {
            return index < 0 || index >= list.size() ? null : wrap(list.get(index));
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
