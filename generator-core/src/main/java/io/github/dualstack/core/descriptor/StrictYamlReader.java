package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
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
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a descriptor as strict YAML: one document, no duplicate keys, no anchors, aliases or tags, bounded size
 * and depth, and no YAML 1.1 scalar that silently changes meaning ({@code yes}, {@code 010}, {@code 0x1F}).
 * Every node of the result knows its {@code line:column}.
 */
public final class StrictYamlReader {

    /** Default limit on descriptor size: room for 100,000 edge nodes with labels and comments. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;
    static final int MAX_DEPTH = 32;


    private final YAMLMapper mapper;
    private final long maxBytes;
    private final ReadErrors errors;
    private String text;
    private JsonNode located;

    public StrictYamlReader(long maxBytes) {
        this.maxBytes = maxBytes;
        this.errors = new ReadErrors(maxBytes);
        LoaderOptions lo = new LoaderOptions();
        lo.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes));
        lo.setAllowDuplicateKeys(false);
        YAMLFactory f = new LinearYamlFactory(YAMLFactory.builder()
                .loaderOptions(lo)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxDocumentLength(maxBytes)
                        .build()));
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
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult decoded = decoder.decode(in, out, true);
        if (!decoded.isError()) {
            decoded = decoder.flush(out);
        }
        if (decoded.isError()) {
            // Locate the first bad byte, so that a Latin-1 comment on line 300 is not reported at 1:1.
            int bad = in.position();
            int line = 1;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            problems.addAt(line, column, FieldPath.ROOT, Problem.Severity.ERROR, String.format(
                    "descriptor is not valid UTF-8 (byte 0x%02X); save it as UTF-8", bytes[bad] & 0xFF));
            return null;
        }
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        this.text = text;
        if (!printable(text, problems)) {
            return null;
        }
        return scanAndRead(text, problems);
    }

    /**
     * The same text read again with every node located ({@code line:column}). Only problems need it, so it is
     * built on the first request: a valid descriptor is parsed once, into plain nodes.
     */
    public JsonNode locatedTree() {
        if (located == null) {
            located = JsonNodes.readTree(mapper, text, LocationJsonNodeFactoryFactory.getInstance());
        }
        return located;
    }

    /**
     * YAML allows no control character but tab and line breaks, nor U+FFFE/U+FFFF; the parser would name neither
     * the character nor its place.
     */
    private static boolean printable(String text, Problems problems) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!StreamReader.isPrintable(c)) {
                problems.addAt(line, column, FieldPath.ROOT, Problem.Severity.ERROR, String.format(
                        "character U+%04X is not allowed in YAML; remove it, or write it as \"\\u%04X\" in a"
                                + " double-quoted value", c, c));
                return false;
            }
            boolean lineBreak = c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029
                    || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'));
            line += lineBreak ? 1 : 0;
            column = lineBreak ? 1 : column + (c == 0xFEFF ? 0 : 1);
        }
        return true;
    }

    void reportOversize(long size, Problems problems) {
        problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, "descriptor is " + size
                + " bytes, over the limit of " + maxBytes + " bytes (raise it with --max-descriptor-bytes)");
    }

    /**
     * Builds the tree in one pass while every token is checked for what a tree would silently hide; the tree (or
     * null, with the reasons in {@code problems}).
     */
    private JsonNode scanAndRead(String text, Problems problems) {
        LinearYamlFactory.Parser p;
        try {
            p = (LinearYamlFactory.Parser) mapper.getFactory().createParser(text);
        } catch (IOException e) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, ReadErrors.cannotRead(e));
            return null;
        }
        CheckingParser checked = new CheckingParser(p, new SourceCursor(text), problems);
        try (p; checked) {
            JsonNode tree;
            try {
                tree = mapper.readTree(checked);
                while (checked.nextToken() != null) {
                    // further documents: counted and reported by the checking parser
                }
            } catch (JsonProcessingException e) {
                if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                    if (checked.documents < 2) {   // else the checking parser has reported it already
                        report(problems, p, "only one YAML document is allowed; remove the second '---' document");
                    }
                } else {
                    errors.report(e, p, problems);
                }
                return null;
            }
            if (checked.documents == 0 || tree == null || tree.isMissingNode() || isEmptyDocument(tree)) {
                problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, "descriptor is empty");
                return null;
            }
            return checked.clean ? tree : null;
        } catch (IOException e) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, ReadErrors.cannotRead(e));
            return null;
        }
    }

    /** A document of nothing but {@code ---}: an empty plain scalar. */
    private static boolean isEmptyDocument(JsonNode tree) {
        return tree.isTextual() && tree.textValue().isEmpty();
    }

    /**
     * A parser that checks each token as the tree is built from it: a second document, aliases, anchors, tags
     * and YAML 1.1 scalars. Every read goes through {@link #nextToken}, so no token escapes the checks.
     */
    private static final class CheckingParser extends JsonParserDelegate {
        private final YAMLParser p;
        private final SourceCursor cursor;
        private final Problems problems;
        boolean clean = true;
        int documents;
        private int depth;
        /**
         * Set while the current token is a scalar already reported: the tree sees it as null, so that its value is
         * never decoded (Jackson cannot decode YAML's {@code .inf}, and the problem would be reported twice).
         */
        private boolean masked;

        CheckingParser(YAMLParser p, SourceCursor cursor, Problems problems) {
            super(p);
            this.p = p;
            this.cursor = cursor;
            this.problems = problems;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = p.nextToken();
            masked = t != null && !check(t) && t.isScalarValue();
            return masked ? JsonToken.VALUE_NULL : t;
        }

        @Override
        public JsonToken currentToken() {
            return masked ? JsonToken.VALUE_NULL : p.currentToken();
        }

        @Override
        @Deprecated
        public JsonToken getCurrentToken() {
            return currentToken();
        }

        @Override
        public int currentTokenId() {
            return masked ? JsonToken.VALUE_NULL.id() : p.currentTokenId();
        }

        @Override
        @Deprecated
        public int getCurrentTokenId() {
            return currentTokenId();
        }

        @Override
        public boolean hasToken(JsonToken t) {
            return currentToken() == t;
        }

        @Override
        public boolean hasTokenId(int id) {
            return currentTokenId() == id;
        }

        /** False when the token was reported. */
        private boolean check(JsonToken t) throws IOException {
            if (t.isStructEnd()) {
                depth--;
                return true;
            }
            boolean ok = true;
            if (depth == 0 && t != JsonToken.FIELD_NAME) {
                documents++;
                if (documents == 2) {
                    ok = report(problems, p, "only one YAML document is allowed; remove the second '---' document");
                }
            }
            if (t.isStructStart()) {
                depth++;
            }
            if (p.isCurrentAlias()) {
                clean = report(problems, p, ReadErrors.aliasRefused(p.getText()));
                return false;
            }
            // Jackson reports the anchor of a collection, but drops that of a scalar value and of a
            // key, and the tag of a key; their tokens still start at the properties in the source.
            boolean key = t == JsonToken.FIELD_NAME;
            String anchor = t.isStructStart() ? p.getObjectId()
                    : t.isScalarValue() || key ? cursor.property(p.currentTokenLocation(), '&') : null;
            if (anchor != null) {
                ok = report(problems, p, "YAML anchors (&" + anchor + ") are not allowed");
            }
            String tag = key ? cursor.property(p.currentTokenLocation(), '!') : p.getTypeId();
            if (tag != null) {
                ok = report(problems, p, ReadErrors.tagRefused(tag));
            } else if (t.isScalarValue() && t != JsonToken.VALUE_STRING) {
                // (a tag chose the type itself: the YAML 1.1 reading is then no surprise of its own)
                String hint = yaml11Hint(t, p.getText(), p);
                if (hint != null) {
                    ok = report(problems, p, hint);
                }
            }
            clean &= ok;
            return ok;
        }

        // The delegate would hand these straight to the YAML parser, past the checks: route them through nextToken.

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            if (currentToken() == JsonToken.START_OBJECT || currentToken() == JsonToken.START_ARRAY) {
                int open = 1;
                while (open > 0) {
                    JsonToken t = nextToken();
                    if (t == null) {
                        break;
                    }
                    if (t.isStructStart()) {
                        open++;
                    } else if (t.isStructEnd()) {
                        open--;
                    }
                }
            }
            return this;
        }
    }

    /**
     * Reads the node properties ({@code &anchor}, {@code !tag}) at a token's start. The parser counts offsets in
     * code points and tokens come in source order, so the cursor walks the text once.
     */
    private static final class SourceCursor {
        private final String text;
        private long codePoint;
        private int index;

        SourceCursor(String text) {
            this.text = text;
        }

        /** The anchor name (without '&') or the tag (with its '!'s) written before the token, or null. */
        String property(JsonLocation at, char kind) {
            long target = at == null ? -1 : at.getCharOffset();
            if (target < 0) {
                return null;
            }
            try {
                if (target < codePoint) {
                    codePoint = 0;
                    index = 0;
                }
                index = text.offsetByCodePoints(index, Math.toIntExact(target - codePoint));
                codePoint = target;
            } catch (IndexOutOfBoundsException | ArithmeticException e) {
                codePoint = 0;
                index = 0;
                return null;
            }
            int i = index;
            while (i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
                int end = i + 1;
                while (end < text.length() && " \t\r\n,[]{}".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                if (text.charAt(i) == kind) {
                    return kind == '&' ? text.substring(i + 1, end) : text.substring(i, end);
                }
                i = end;
                while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
            }
            return null;
        }
    }

    /** A plain scalar that YAML 1.1 resolves to something other than what it looks like, or null if it is canonical. */
    private static String yaml11Hint(JsonToken t, String raw, YAMLParser p) throws IOException {
        if (!Yaml11Scalars.surprising(t, raw)) {
            return null;
        }
        switch (t) {
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "'" + raw + "' is read as the boolean " + (t == JsonToken.VALUE_TRUE) + " (YAML 1.1); write "
                        + (t == JsonToken.VALUE_TRUE) + ", or quote \"" + raw + "\" if it is meant as text";
            case VALUE_NUMBER_INT:
                return "'" + raw + "' is read as the number " + p.getNumberValue()
                        + " (YAML 1.1); quote it if it is meant as text, or write the number in plain decimal";
            case VALUE_NUMBER_FLOAT:
                String special = Yaml11Scalars.specialFloat(raw);
                return "'" + raw + "' is read as " + (special == null ? "a number" : "the number " + special)
                        + " (YAML 1.1); quote it if it is meant as text";
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
}
