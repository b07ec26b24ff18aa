package io.github.dualstack.core.check;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.dualstack.core.FieldPath;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The strict-YAML rules, one implementation for the descriptor reader and the self-check: a parser that checks
 * each token as a tree is built from it, for duplicate keys, anchors, aliases, tags, a second document, nesting
 * depth, YAML 1.1 scalars that change meaning ({@code yes}, {@code 010}, {@code .inf}) and, for generated files,
 * go-yaml's booleans. Every read goes through {@link #nextToken}, so no token escapes the checks. {@link
 * YamlRules} holds what differs between the two sides; each problem goes to the sink located and with its path.
 *
 * <p>A refused scalar reads as null, so its value is never decoded (Jackson cannot decode {@code .inf}, nor bad
 * base64 under {@code !!binary}) and the scan goes on: one problem per refused token. A nesting deeper than the
 * limit ends the read with {@link Stopped}, and so does a duplicate key when {@link YamlRules#failFast()}.
 */
public final class StrictYamlScanner extends JsonParserDelegate {

    /** The second document of a single-document text. */
    public static final String ONE_DOCUMENT = "only one YAML document is allowed; remove the second '---' document";

    /** Plain scalars that go-yaml v2 (sigs.k8s.io/yaml, used by Kubernetes and KubeEdge) reads as booleans. */
    private static final Set<String> GO_YAML_BOOLEANS = Set.of("y", "Y", "n", "N");

    /** The read ended at a problem after which nothing sound can be read; the problem went to the sink. */
    public static final class Stopped extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        private Stopped(String message) {
            super(message);
        }
    }

    private final YAMLParser p;
    private final SharedTexts shared = new SharedTexts();
    private final SourceCursor cursor;
    private final YamlRules rules;
    private final Consumer<YamlFinding> sink;
    /** The keys seen so far in the mapping open at each depth; created on its first key. */
    @SuppressWarnings("unchecked")
    private final Set<String>[] keys;
    private int documents;
    private int depth;
    private boolean clean = true;
    /**
     * Set while the current token is a scalar already reported: the tree sees it as null, so that its value is
     * never decoded and the problem is not reported twice.
     */
    private boolean masked;

    @SuppressWarnings("unchecked")
    public StrictYamlScanner(YAMLParser p, String text, YamlRules rules, Consumer<YamlFinding> sink) {
        super(p);
        this.p = p;
        this.cursor = new SourceCursor(text);
        this.rules = rules;
        this.sink = sink;
        this.keys = new Set[rules.maxDepth() + 1];
    }

    /**
     * A YAML factory for texts of up to {@code maxChars}: one string may fill them. Nesting is bounded by the
     * scanner, which says where; duplicate keys are the scanner's too, so that every one can be reported.
     */
    public static YAMLFactoryBuilder factoryBuilder(long maxChars) {
        LoaderOptions lo = new LoaderOptions();
        lo.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxChars));
        return YAMLFactory.builder()
                .loaderOptions(lo)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxDocumentLength(maxChars)
                        .build());
    }

    /** How many documents the scan has entered so far. */
    public int documents() {
        return documents;
    }

    /** Whether no problem was found so far. */
    public boolean clean() {
        return clean;
    }

    public static String aliasRefused(String name) {
        return "YAML aliases (*" + name + ") are not allowed; write the value out";
    }

    /** {@code tag} as the parser gives it: {@code tag:yaml.org,2002:str} is written {@code !!str}. */
    public static String tagRefused(String tag) {
        return "YAML tags (!" + tag.replaceFirst("^!", "").replaceFirst("^tag:yaml\\.org,2002:", "!") + ") are not allowed";
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

    @Override
    public void clearCurrentToken() {
        masked = false;
        p.clearCurrentToken();
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
            if (documents == 2 && !rules.manyDocuments()) {
                ok = report(ONE_DOCUMENT);
            }
        }
        if (t.isStructStart()) {
            depth++;
            if (depth > rules.maxDepth()) {
                report(FieldPath.ROOT, rules.subject() + " nests deeper than " + rules.maxDepth() + " levels");
                throw new Stopped("nesting");
            }
            keys[depth] = null;
        }
        boolean key = t == JsonToken.FIELD_NAME;
        if (key && !firstTime(p.currentName())) {
            ok = report("duplicate key '" + p.currentName() + "'; each key may appear once");
            if (rules.failFast()) {
                throw new Stopped("duplicate key");
            }
        }
        if (p.isCurrentAlias()) {
            return report(aliasRefused(p.getText()));
        }
        // Jackson reports the anchor of a collection, but drops that of a scalar value and of a
        // key, and the tag of a key; their tokens still start at the properties in the source.
        String anchor = t.isStructStart() ? p.getObjectId()
                : t.isScalarValue() || key ? cursor.property(p.currentTokenLocation(), '&') : null;
        if (anchor != null) {
            ok = report("YAML anchors (&" + anchor + ") are not allowed");
        }
        String tag = key ? cursor.property(p.currentTokenLocation(), '!') : p.getTypeId();
        if (tag != null) {
            ok = report(tagRefused(tag));
        } else if (t.isScalarValue()) {
            // (a tag chose the type itself: the YAML 1.1 reading is then no surprise of its own)
            String hint = t == JsonToken.VALUE_STRING ? goYamlHint() : yaml11Hint(t, p.getText());
            if (hint != null) {
                ok = report(hint);
            }
        }
        return ok;
    }

    /** Whether {@code name} is new in the mapping open at the current depth. */
    private boolean firstTime(String name) {
        Set<String> seen = keys[depth];
        if (seen == null) {
            seen = new HashSet<>();
            keys[depth] = seen;
        }
        return seen.add(name);
    }

    /** A plain scalar that YAML 1.1 resolves to something other than what it looks like, or null if it is canonical. */
    private String yaml11Hint(JsonToken t, String raw) throws IOException {
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

    /** A plain string that go-yaml v2 reads as a boolean, when the rules refuse those; else null. */
    private String goYamlHint() throws IOException {
        String raw = p.getText();
        if (!rules.goYamlBooleans() || !GO_YAML_BOOLEANS.contains(raw) || !cursor.plain(p.currentTokenLocation())) {
            return null;
        }
        return "plain '" + raw + "' is read as a boolean by Kubernetes and KubeEdge (go-yaml); quote it";
    }

    private boolean report(String message) {
        return report(FieldPath.of(p.getParsingContext().pathAsPointer()), message);
    }

    private boolean report(FieldPath at, String message) {
        JsonLocation loc = p.currentTokenLocation();
        sink.accept(new YamlFinding(Math.max(1, documents), loc.getLineNr(), loc.getColumnNr(), at, message));
        clean = false;
        return false;
    }

    @Override
    public String currentName() throws IOException {
        return shared.of(super.currentName());
    }

    @Override
    @Deprecated
    public String getCurrentName() throws IOException {
        return currentName();
    }

    @Override
    public String getText() throws IOException {
        return shared.of(super.getText());
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

    /**
     * Reads the node properties ({@code &anchor}, {@code !tag}) and the quoting at a token's start. The parser
     * counts offsets in code points and tokens come in source order, so the cursor walks the text once.
     */
    private static final class SourceCursor {
        private final String text;
        /** No surrogate pair: each code point is one char, and an offset is an index (nearly every text). */
        private final boolean oneCharEach;
        private long codePoint;
        private int index;

        SourceCursor(String text) {
            this.text = text;
            this.oneCharEach = !hasSurrogate(text);
        }

        private static boolean hasSurrogate(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (Character.isSurrogate(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        /** The anchor name (without '&') or the tag (with its '!'s) written before the token, or null. */
        String property(JsonLocation at, char kind) {
            int i = seek(at);
            if (i < 0) {
                return null;
            }
            while (i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
                int end = propertyEnd(i);
                if (text.charAt(i) == kind) {
                    return kind == '&' ? text.substring(i + 1, end) : text.substring(i, end);
                }
                i = spacesEnd(end);
            }
            return null;
        }

        /** Whether the scalar at {@code at} is written without quotes (the parser does not expose its style). */
        boolean plain(JsonLocation at) {
            int i = seek(at);
            if (i < 0) {
                return true;
            }
            while (i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
                i = spacesEnd(propertyEnd(i));
            }
            return i >= text.length() || (text.charAt(i) != '"' && text.charAt(i) != '\'');
        }

        /** The index of the token's first character, or -1 when the parser gave no usable offset. */
        private int seek(JsonLocation at) {
            long target = at == null ? -1 : at.getCharOffset();
            if (target < 0) {
                return -1;
            }
            if (oneCharEach) {
                return target <= text.length() ? (int) target : -1;
            }
            try {
                if (target < codePoint) {
                    codePoint = 0;
                    index = 0;
                }
                index = text.offsetByCodePoints(index, Math.toIntExact(target - codePoint));
                codePoint = target;
                return index;
            } catch (IndexOutOfBoundsException | ArithmeticException e) {
                codePoint = 0;
                index = 0;
                return -1;
            }
        }

        private int propertyEnd(int start) {
            int end = start + 1;
            while (end < text.length() && " \t\r\n,[]{}".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            return end;
        }

        private int spacesEnd(int start) {
            int i = start;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            return i;
        }
    }
}
