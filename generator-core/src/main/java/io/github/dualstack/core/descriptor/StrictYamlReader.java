package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import com.networknt.schema.utils.JsonNodes;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a descriptor as strict YAML: one document, no duplicate keys, no anchors, aliases or tags, bounded size
 * and depth, and no YAML 1.1 scalar that silently changes meaning ({@code yes}, {@code 010}, {@code 0x1F}).
 * Every node of the result knows its {@code line:column}.
 */
public final class StrictYamlReader {

    /** Default limit on descriptor size: room for 100,000 edge nodes with labels and comments. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    static final int MAX_DEPTH = 32;

    private static final Pattern CANONICAL_INT = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern CANONICAL_FLOAT = Pattern.compile("-?(0|[1-9][0-9]*)\\.[0-9]+([eE][-+]?[0-9]+)?");

    private final YAMLMapper mapper;
    private final long maxBytes;

    public StrictYamlReader(long maxBytes) {
        this.maxBytes = maxBytes;
        LoaderOptions lo = new LoaderOptions();
        lo.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
        lo.setAllowDuplicateKeys(false);
        YAMLFactory f = YAMLFactory.builder()
                .loaderOptions(lo)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxDocumentLength(maxBytes)
                        .build())
                .build();
        this.mapper = YAMLMapper.builder(f)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The located tree, or null with the reasons in {@code problems}. */
    public JsonNode read(byte[] bytes, Problems problems) {
        if (bytes.length > maxBytes) {
            reportOversize(bytes.length, problems);
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, "descriptor is not valid UTF-8");
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (!prescan(text, problems)) {
            return null;
        }
        try {
            return JsonNodes.readTree(mapper, text, LocationJsonNodeFactoryFactory.getInstance());
        } catch (RuntimeException e) {
            // The pre-scan read the same text with the same factory; a failure here is unexpected but still the input's.
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, "cannot read descriptor: " + firstLine(e.getMessage()));
            return null;
        }
    }

    void reportOversize(long size, Problems problems) {
        problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, "descriptor is " + size
                + " bytes, over the limit of " + maxBytes + " bytes (raise it with --max-descriptor-bytes)");
    }

    /** Streams every token once, reporting what a tree would silently hide. True when the text may be read. */
    private boolean prescan(String text, Problems problems) {
        boolean clean = true;
        int documents = 0;
        int depth = 0;
        try (YAMLParser p = (YAMLParser) mapper.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t.isStructEnd()) {
                    depth--;
                    continue;
                }
                if (depth == 0 && t != JsonToken.FIELD_NAME) {
                    documents++;
                    if (documents == 2) {
                        clean = report(problems, p, "only one YAML document is allowed; remove the second '---' document");
                    }
                }
                if (t.isStructStart()) {
                    depth++;
                }
                if (p.isCurrentAlias()) {
                    clean = report(problems, p, "YAML aliases (*" + p.getText() + ") are not allowed; write the value out");
                    continue;
                }
                if (p.getObjectId() != null && (t.isScalarValue() || t.isStructStart())) {
                    clean = report(problems, p, "YAML anchors (&" + p.getObjectId() + ") are not allowed");
                }
                if (p.getTypeId() != null && (t.isScalarValue() || t.isStructStart())) {
                    clean = report(problems, p, "YAML tags (!" + p.getTypeId().replaceFirst("^!", "") + ") are not allowed");
                }
                if (t.isScalarValue() && t != JsonToken.VALUE_STRING) {
                    String hint = yaml11Hint(t, p.getText(), p);
                    if (hint != null) {
                        clean = report(problems, p, hint);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 1 : Math.max(1, loc.getLineNr());
            int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
            problems.addAt(line, col, FieldPath.ROOT, Problem.Severity.ERROR, describe(e));
            return false;
        } catch (IOException e) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, "cannot read descriptor: " + firstLine(e.getMessage()));
            return false;
        }
        if (documents == 0) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, "descriptor is empty");
            return false;
        }
        return clean;
    }

    /** A plain scalar that YAML 1.1 resolves to something other than what it looks like, or null if it is canonical. */
    private static String yaml11Hint(JsonToken t, String raw, YAMLParser p) throws IOException {
        switch (t) {
            case VALUE_TRUE:
            case VALUE_FALSE:
                if (raw.equals("true") || raw.equals("false")) {
                    return null;
                }
                return "'" + raw + "' is read as the boolean " + (t == JsonToken.VALUE_TRUE) + " (YAML 1.1); write "
                        + (t == JsonToken.VALUE_TRUE) + ", or quote \"" + raw + "\" if it is meant as text";
            case VALUE_NUMBER_INT:
                if (CANONICAL_INT.matcher(raw).matches()) {
                    return null;
                }
                return "'" + raw + "' is read as the number " + p.getNumberValue()
                        + " (YAML 1.1); quote it if it is meant as text, or write the number in plain decimal";
            case VALUE_NUMBER_FLOAT:
                if (CANONICAL_FLOAT.matcher(raw).matches()) {
                    return null;
                }
                return "'" + raw + "' is read as a number (YAML 1.1); quote it if it is meant as text";
            default:
                return null;
        }
    }

    private static boolean report(Problems problems, YAMLParser p, String message) {
        JsonLocation loc = p.currentTokenLocation();
        JsonPointer ptr = p.getParsingContext().pathAsPointer();
        problems.addAt(loc.getLineNr(), loc.getColumnNr(), pointerToPath(ptr), Problem.Severity.ERROR, message);
        return false;
    }

    static FieldPath pointerToPath(JsonPointer ptr) {
        FieldPath path = FieldPath.ROOT;
        for (JsonPointer p = ptr; p != null && !p.matches(); p = p.tail()) {
            path = p.getMatchingIndex() >= 0 && p.getMatchingProperty().matches("0|[1-9][0-9]*")
                    ? path.index(p.getMatchingIndex()) : path.child(p.getMatchingProperty());
        }
        return path;
    }

    private String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = "";
        }
        if (msg.startsWith("Duplicate field")) {
            return "duplicate key " + msg.substring("Duplicate field ".length()) + "; each key may appear once";
        }
        if (msg.contains("nesting depth") || msg.contains("Document nesting depth")) {
            return "descriptor nests deeper than " + MAX_DEPTH + " levels";
        }
        if (msg.contains("code point limit") || msg.contains("exceeds the limit")) {
            return "descriptor is larger than the limit of " + maxBytes + " bytes" + " (raise it with --max-descriptor-bytes)";
        }
        return "not valid YAML: " + firstLine(msg);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
