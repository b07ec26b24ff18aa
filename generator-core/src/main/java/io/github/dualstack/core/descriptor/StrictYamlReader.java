package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.networknt.schema.serialization.node.LocationJsonNodeFactoryFactory;
import com.networknt.schema.utils.JsonNodes;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.check.StrictYamlScanner;
import io.github.dualstack.core.check.YamlRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a descriptor, or a file captured from a running site, as strict YAML: one document, no duplicate keys, no
 * anchors, aliases or tags, bounded size and depth, and no YAML 1.1 scalar that silently changes meaning
 * ({@code yes}, {@code 010}, {@code 0x1F}). Every node of the result knows its {@code line:column}. Problems about
 * the text as a whole call it by a noun: {@code descriptor is empty}, {@code kube-apiserver.yaml is empty}.
 */
public final class StrictYamlReader {

    /** Default limit on descriptor size: room for 100,000 edge nodes with labels and comments. */
    public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    /**
     * Builds the tree of a whole text from a parser that stands before its first token, for readers that keep
     * less than the whole tree (a large list of which only some fields are needed). {@code reader} makes the nodes
     * (with locations, for a located reading) and reads one value from where the parser stands.
     */
    public interface TreeBuilder {
        JsonNode build(JsonParser parser, ObjectReader reader) throws IOException;
    }

    private final YAMLMapper mapper;
    private final long maxBytes;
    private final ReadErrors errors;
    private final YamlRules rules;

    /**
     * One read: the tree, and the same text read again with every node located ({@code line:column}) on the first
     * request. Only problems need locations, so a valid descriptor is parsed once, into plain nodes. Each read has
     * its own, so a reader keeps no state from one descriptor to the next.
     */
    public final class Reading {
        private final String text;
        private final JsonNode tree;
        private final TreeBuilder builder;
        private JsonNode located;

        private Reading(String text, JsonNode tree, TreeBuilder builder) {
            this.text = text;
            this.tree = tree;
            this.builder = builder;
        }

        public JsonNode tree() {
            return tree;
        }

        /** The text read, as decoded. */
        public String text() {
            return text;
        }

        public synchronized JsonNode locatedTree() {
            if (located == null) {
                located = locate(text, builder);
            }
            return located;
        }

        /** Where the fields of this reading stand; a whole reading is also scanned as far as each answer. */
        public SourceLocator locator() {
            return builder == null ? new SourceLocator(this::locatedTree, text, mapper.getFactory())
                    : new SourceLocator(this::locatedTree);
        }
    }

    private final String limitOption;

    /** {@code limitOption}: how the front end spells the size limit, named when a descriptor is over it. */
    public StrictYamlReader(long maxBytes, String limitOption) {
        this(maxBytes, limitOption, YamlRules.DESCRIPTOR);
    }

    /**
     * A reader of texts of at most {@code maxBytes} under {@code rules}; {@code limitOption} says how to raise the
     * limit, null when it is fixed.
     */
    public StrictYamlReader(long maxBytes, String limitOption, YamlRules rules) {
        this.maxBytes = maxBytes;
        this.limitOption = limitOption;
        this.rules = rules;
        this.errors = new ReadErrors(maxBytes, limitOption);
        YAMLFactory f = new LinearYamlFactory(StrictYamlScanner.factoryBuilder(maxBytes));
        this.mapper = YAMLMapper.builder(f)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The reading, or null with the reasons in {@code problems}; the text is called by the rules' subject. */
    public Reading read(byte[] bytes, Problems problems) {
        return read(bytes, rules.subject(), problems, null);
    }

    /**
     * The reading of the text called {@code noun} in problems, or null with the reasons in {@code problems};
     * {@code builder} null builds the whole tree.
     */
    public Reading read(byte[] bytes, String noun, Problems problems, TreeBuilder builder) {
        if (bytes.length > maxBytes) {
            reportOversize(bytes.length, noun, problems);
            return null;
        }
        String text = decode(bytes, noun, problems);
        return text == null ? null : readText(text, noun, problems, builder);
    }

    /**
     * The reading of a text already decoded (a YAML document held in a string of another file), or null. A whole
     * text in the plain subset of YAML is read by {@link SubsetYamlReader}, which gives the same tree in a fraction
     * of the time; any other goes through SnakeYAML and the strict scanner.
     */
    public Reading readText(String text, String noun, Problems problems, TreeBuilder builder) {
        if (!printable(text, problems)) {
            return null;
        }
        JsonNode subset = builder == null ? SubsetYamlReader.read(text, rules.maxDepth()) : null;
        if (subset != null) {
            return new Reading(text, subset, null);
        }
        JsonNode tree = scanAndRead(text, noun, problems, builder);
        return tree == null ? null : new Reading(text, tree, builder);
    }

    /** The tree the strict reader alone builds from {@code text}, or null with the reasons in {@code problems}. */
    JsonNode strictTree(String text, Problems problems) {
        return printable(text, problems) ? scanAndRead(text, rules.subject(), problems, null) : null;
    }

    /**
     * {@code text} (which a reading accepted) read again with every node located, through {@code builder} when it
     * is not null.
     */
    public JsonNode locate(String text, TreeBuilder builder) {
        if (builder == null) {
            return JsonNodes.readTree(mapper, text, LocationJsonNodeFactoryFactory.getInstance());
        }
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            return builder.build(p, mapper.reader()
                    .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(LocationJsonNodeFactoryFactory.getInstance().getJsonNodeFactory(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code bytes} as UTF-8 without a leading byte order mark, or null after reporting where the first byte that
     * is not UTF-8 stands.
     */
    public String decode(byte[] bytes, String noun, Problems problems) {
        // The JDK's own decoding is much faster, but replaces what is not UTF-8 with U+FFFD: only a text without
        // that character is taken from it; one with it is decoded again, strictly, to say where it went wrong.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return withoutByteOrderMark(fast);
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
                    "%s is not valid UTF-8 (byte 0x%02X); save it as UTF-8", noun, bytes[bad] & 0xFF));
            return null;
        }
        return withoutByteOrderMark(out.flip().toString());
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * YAML allows no control character but tab and line breaks, nor U+FFFE/U+FFFF; the parser would name neither
     * the character nor its place.
     */
    private static boolean printable(String text, Problems problems) {
        if (plainPrintable(text)) {
            return true;
        }
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

    /** Whether every character is printable ASCII, a tab or a line break: most texts, in one tight loop. */
    private static boolean plainPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' || c > '~') && c != '\n' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    void reportOversize(long size, Problems problems) {
        reportOversize(size, rules.subject(), problems);
    }

    /** The problem of a text of {@code size} bytes, over the limit, that was not read. */
    public void reportOversize(long size, String noun, Problems problems) {
        problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, noun + " is " + size
                + " bytes, over the limit of " + maxBytes + " bytes" + ReadErrors.raise(limitOption));
    }

    /**
     * Builds the tree in one pass while the strict-YAML scanner checks every token for what a tree would silently
     * hide; the tree (or null, with the reasons in {@code problems}).
     */
    private JsonNode scanAndRead(String text, String noun, Problems problems, TreeBuilder builder) {
        LinearYamlFactory.Parser p;
        try {
            p = (LinearYamlFactory.Parser) mapper.getFactory().createParser(text);
        } catch (IOException e) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, ReadErrors.cannotRead(noun, e));
            return null;
        }
        StrictYamlScanner checked = new StrictYamlScanner(p, text, rules.withSubject(noun), f -> problems.addAt(
                f.line(), f.column(), f.path(), Problem.Severity.ERROR, f.message()));
        try (p; checked) {
            JsonNode tree;
            try {
                tree = builder == null ? mapper.readTree(checked)
                        : builder.build(checked, mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
                while (checked.nextToken() != null) {
                    // further documents: counted and reported by the checking parser
                }
            } catch (StrictYamlScanner.Stopped e) {
                return null; // reported by the scanner
            } catch (JsonProcessingException e) {
                if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
                    if (checked.documents() < 2) {   // else the scanner has reported it already
                        report(problems, p, StrictYamlScanner.ONE_DOCUMENT);
                    }
                } else {
                    errors.report(e, p, noun, problems);
                }
                return null;
            }
            if (checked.documents() == 0 || tree == null || tree.isMissingNode() || isEmptyDocument(tree)) {
                problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, noun + " is empty");
                return null;
            }
            return checked.clean() ? tree : null;
        } catch (IOException e) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, ReadErrors.cannotRead(noun, e));
            return null;
        }
    }

    /** A document of nothing but {@code ---}: an empty plain scalar. */
    private static boolean isEmptyDocument(JsonNode tree) {
        return tree.isTextual() && tree.textValue().isEmpty();
    }

    private static boolean report(Problems problems, YAMLParser p, String message) {
        JsonLocation loc = p.currentTokenLocation();
        JsonPointer ptr = p.getParsingContext().pathAsPointer();
        problems.addAt(loc.getLineNr(), loc.getColumnNr(), FieldPath.of(ptr), Problem.Severity.ERROR, message);
        return false;
    }
}
