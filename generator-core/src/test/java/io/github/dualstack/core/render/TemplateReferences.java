package io.github.dualstack.core.render;

import io.github.dualstack.core.plan.view.Labels;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a template's source refers to, checked against its view record: a small extractor, not FreeMarker's
 * parser (whose syntax tree is no public API), good enough for the bundled templates. It reads {@code ${...}},
 * {@code <#if>}, {@code <#elseif>}, {@code <#list ... as x>} / {@code <#list ... as k, v>} and the arguments of
 * macro calls ({@code <@yaml tree=document/>}) outside comments and
 * {@code <#noparse>}, drops string literals and built-ins ({@code ?size}, {@code ?join(...)}), and resolves each
 * name chain {@code a.b.c}: the head is a loop variable in scope or a component of the view, every further name a
 * component of the record before it ({@code Optional} and {@code List} element types looked through).
 */
final class TemplateReferences {

    private static final Pattern IGNORED = Pattern.compile("<#--.*?-->|<#noparse>.*?</#noparse>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile(
            "\\$\\{(?<interpolation>.*?)}|<#(?:if|elseif)\\s+(?<condition>.*?)>|<#list\\s+(?<list>.*?)>|(?<end></#list>)"
                    + "|<@\\w+\\s+(?<call>[^>]*?)/?>",
            Pattern.DOTALL);
    private static final Pattern LIST = Pattern.compile("(.*)\\s+as\\s+(\\w+)(?:\\s*,\\s*(\\w+))?", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern BUILTIN = Pattern.compile("\\?\\w+");
    /** The parameter names of a macro call ({@code <@yaml tree=document/>}): what follows each is an expression. */
    private static final Pattern PARAMETER = Pattern.compile("\\b\\w+\\s*=(?!=)");
    private static final Pattern CHAIN = Pattern.compile("(?<![\\w.])[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*");
    private static final Set<String> KEYWORDS = Set.of("gt", "gte", "lt", "lte", "true", "false");

    /** What a template refers to: every resolved chain as {@code Record.component}, and what did not resolve. */
    record Result(Set<String> resolved, List<String> problems) {
    }

    private TemplateReferences() {
    }

    static Result check(String source, Class<?> view) {
        Set<String> resolved = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        Deque<Map<String, Type>> loops = new ArrayDeque<>();
        Matcher m = TAG.matcher(IGNORED.matcher(source).replaceAll(""));
        while (m.find()) {
            if (m.group("end") != null) {
                loops.pop();
            } else if (m.group("list") != null) {
                Matcher list = LIST.matcher(m.group("list"));
                if (!list.matches()) {
                    problems.add("cannot read <#list " + m.group("list") + ">");
                    continue;
                }
                Optional<Type> listed = references(list.group(1), view, loops, resolved, problems);
                Map<String, Type> scope = new HashMap<>();
                if (list.group(3) == null) {
                    listed.ifPresent(t -> scope.put(list.group(2), element(t, problems)));
                } else {   // <#list hash as key, value>: only Labels is a hash
                    listed.filter(t -> raw(t) != Labels.class).ifPresent(t -> problems.add(list.group(1) + " is no hash"));
                    scope.put(list.group(2), String.class);
                    scope.put(list.group(3), String.class);
                }
                loops.push(scope);
            } else {
                String expression = m.group("interpolation") != null ? m.group("interpolation")
                        : m.group("condition") != null ? m.group("condition")
                        : PARAMETER.matcher(m.group("call")).replaceAll(" ");
                references(expression, view, loops, resolved, problems);
            }
        }
        if (!loops.isEmpty()) {
            problems.add("unclosed <#list>");
        }
        return new Result(resolved, problems);
    }

    /** Resolves every chain of an expression; the type of the last one. */
    private static Optional<Type> references(String expression, Class<?> view, Deque<Map<String, Type>> loops,
                                             Set<String> resolved, List<String> problems) {
        String names = BUILTIN.matcher(STRING.matcher(expression).replaceAll("\"\"")).replaceAll("");
        Matcher chain = CHAIN.matcher(names);
        Optional<Type> last = Optional.empty();
        while (chain.find()) {
            if (!KEYWORDS.contains(chain.group())) {
                last = resolve(chain.group(), view, loops, resolved, problems);
            }
        }
        return last;
    }

    private static Optional<Type> resolve(String chain, Class<?> view, Deque<Map<String, Type>> loops,
                                          Set<String> resolved, List<String> problems) {
        String[] names = chain.split("\\.");
        Optional<Type> loopVariable = loops.stream().filter(s -> s.containsKey(names[0])).findFirst()
                .map(s -> s.get(names[0]));
        Type type = loopVariable.orElse(view);
        for (int i = loopVariable.isPresent() ? 1 : 0; i < names.length; i++) {
            Class<?> record = raw(type);
            Optional<RecordComponent> component = component(record, names[i]);
            if (component.isEmpty()) {
                problems.add(chain + ": " + names[i] + " is no component of " + record.getSimpleName());
                return Optional.empty();
            }
            resolved.add(record.getSimpleName() + "." + names[i]);
            type = unwrapOptional(component.get().getGenericType());
        }
        return Optional.of(type);
    }

    private static Optional<RecordComponent> component(Class<?> type, String name) {
        if (!type.isRecord() || type == Labels.class) {
            return Optional.empty();
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (ViewWrapper.templateName(c).equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The element type of a listed sequence. */
    private static Type element(Type listed, List<String> problems) {
        if (raw(listed) != List.class) {
            problems.add(listed.getTypeName() + " is listed but is no List");
            return Object.class;
        }
        return ((ParameterizedType) listed).getActualTypeArguments()[0];
    }

    private static Type unwrapOptional(Type t) {
        return raw(t) == Optional.class ? ((ParameterizedType) t).getActualTypeArguments()[0] : t;
    }

    static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }
}
