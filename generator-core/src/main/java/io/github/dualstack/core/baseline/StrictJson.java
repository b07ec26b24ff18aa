package io.github.dualstack.core.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.check.YamlSyntaxErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON document held in a string (calico's {@code cni_network_config}), read as strictly as YAML is: one value,
 * no duplicate key, bounded nesting, every problem one line at its place. Calico's install-time placeholders may
 * stand bare where a value goes ({@code "mtu": __CNI_MTU__}); each is read as {@link CniConfig} marks it, the
 * string of U+0000 and its name (the columns after one on its line shift by the eight characters added).
 */
final class StrictJson {

    static final int MAX_DEPTH = 64;
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:field|Object property) '(.*)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("__[A-Z][A-Z0-9_]*__");
    /** Jackson's numeric character codes and source references: not the user's words. */
    private static final Pattern CODE = Pattern.compile(" \\(code -?\\d+\\)");
    private static final Pattern TAIL = Pattern.compile("\\s*(\\(start marker at|\\[Source:|at \\[).*$");

    private final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The tree of {@code text}, called {@code noun} in problems, or null after reporting why there is none. */
    JsonNode read(String text, String noun, Problems problems) {
        String json = quotePlaceholders(text);
        if (json.isBlank()) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, noun + " is empty");
            return null;
        }
        JsonParser p;
        try {
            p = mapper.createParser(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // reading a string
        }
        try (p) {
            return mapper.readTree(p);
        } catch (StreamConstraintsException e) {
            add(problems, e.getLocation(), FieldPath.ROOT, noun + " nests deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            FieldPath at = FieldPath.of(p.getParsingContext().pathAsPointer());
            Matcher dup = DUPLICATE.matcher(msg);
            if (dup.find()) {
                add(problems, keyAt(json, e.getLocation(), dup.group(1)), at,
                        "duplicate key '" + dup.group(1) + "'; each key may appear once");
            } else if (msg.startsWith("Trailing token")) {
                add(problems, e.getLocation(), FieldPath.ROOT, "only one JSON value is allowed; remove what follows it");
            } else {
                add(problems, e.getLocation(), FieldPath.ROOT, "not valid JSON: " + words(msg));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** Where the key {@code name} ends at {@code after} starts on its line: the parser stands past it by then. */
    private static JsonLocation keyAt(String json, JsonLocation after, String name) {
        if (after == null || after.getLineNr() < 1) {
            return after;
        }
        String[] lines = json.split("\n", -1);
        if (after.getLineNr() > lines.length) {
            return after;
        }
        String line = lines[after.getLineNr() - 1];
        int k = line.lastIndexOf('"' + name + '"', Math.max(0, Math.min(line.length(), after.getColumnNr() - 1)));
        return k < 0 ? after : new JsonLocation(after.contentReference(), -1, after.getLineNr(), k + 1);
    }

    /** {@code text} (which {@link #read} accepted) read again with every node located. */
    JsonNode locate(String text) {
        try (JsonParser p = mapper.createParser(quotePlaceholders(text))) {
            return mapper.reader().with(LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(p)).readTree(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} with each bare placeholder outside a string marked as a string, as {@link CniConfig} does. */
    static String quotePlaceholders(String text) {
        if (!text.contains("__")) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                sb.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    sb.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '_') {
                Matcher m = PLACEHOLDER.matcher(text).region(i, text.length());
                if (m.lookingAt()) {
                    sb.append("\"\\u0000").append(m.group()).append('"');
                    i = m.end() - 1;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String words(String msg) {
        String first = YamlSyntaxErrors.firstLine(msg);
        return TAIL.matcher(CODE.matcher(first).replaceAll("")).replaceAll("");
    }

    private static void add(Problems problems, JsonLocation at, FieldPath path, String message) {
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null ? 1 : Math.max(1, at.getColumnNr());
        problems.addAt(line, column, path, Problem.Severity.ERROR, message);
    }
}
