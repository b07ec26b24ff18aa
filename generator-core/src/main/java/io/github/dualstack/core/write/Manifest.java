package io.github.dualstack.core.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.dualstack.core.fs.SafeFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * .dualstack/manifest.json: the files the generator owns, with their sha256, and the generator version. It is
 * committed with the tree, so it is untrusted input: every entry must be a generated path
 * ({@link TreeLayout#whyNotGenerated}) with a sha256, or the whole manifest is refused and nothing is touched.
 */
public record Manifest(String generatorVersion, SortedMap<String, String> files) {

    static final String PATH = TreeLayout.MANIFEST;
    /** Far above 100,000 edge nodes' entries (about 30 MB), far below a heap's worth. */
    static final long MAX_BYTES = 128L * 1024 * 1024;
    /** Paths are read once each: interning 200,000 unique names would cost more than the parse. */
    private static final JsonFactory STREAMS = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public static Manifest empty() {
        return new Manifest("", Collections.emptySortedMap());
    }

    public boolean owns(String path) {
        return files.containsKey(path);
    }

    /** The manifest of an output directory (empty when there is none); refused when it is not a valid one. */
    public static Manifest read(Path outputRoot) throws IOException, WriteRefusedException {
        return read(outputRoot, false);
    }

    /**
     * The manifest of an output directory; {@code vouched} when the previous run's record says it is the file that
     * run committed, untouched since ({@link StatCache.Previous#vouchesForManifest}): then its entries, which that
     * run wrote from checked paths, are not checked one by one again (200,000 at 100,000 edges).
     */
    static Manifest read(Path outputRoot, boolean vouched) throws IOException, WriteRefusedException {
        return read(outputRoot, PATH, vouched).orElse(empty());
    }

    /** A manifest at {@code layoutPath} (the committed or the staged one), empty when absent. */
    static Optional<Manifest> read(Path outputRoot, String layoutPath) throws IOException, WriteRefusedException {
        return read(outputRoot, layoutPath, false);
    }

    private static Optional<Manifest> read(Path outputRoot, String layoutPath, boolean vouched)
            throws IOException, WriteRefusedException {
        Path p = outputRoot.resolve(layoutPath);
        if (SafeFiles.kind(p) == SafeFiles.Kind.ABSENT) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = SafeFiles.readInTree(p, MAX_BYTES);
        } catch (io.github.dualstack.core.fs.NotRegularFileException | io.github.dualstack.core.fs.TooLargeException e) {
            throw new WriteRefusedException(layoutPath, Refusal.Reason.DAMAGED_METADATA, notAManifest(layoutPath,
                    e.getMessage().substring(p.toString().length() + 2)));
        }
        try {
            return Optional.of(parse(bytes, vouched));
        } catch (IllegalArgumentException e) {
            throw new WriteRefusedException(layoutPath, Refusal.Reason.DAMAGED_METADATA, notAManifest(layoutPath, e.getMessage()));
        }
    }

    private static String notAManifest(String layoutPath, String why) {
        String is = "is not a dualstack manifest (" + why + ")";
        return layoutPath.equals(PATH) ? is + "; it is committed with the tree, so restore it from git (git checkout"
                + " -- <tree>/" + PATH + ")" : is;
    }

    /**
     * Parses and validates; {@link IllegalArgumentException} says what is wrong, in one line. Streamed, not read
     * as a tree: at 100,000 edges it lists 200,000 files. Text that is not JSON is reported as such whatever an
     * entry before the fault held; a key given twice counts as its last value, as in a tree.
     */
    static Manifest parse(byte[] bytes) {
        return parse(bytes, false);
    }

    /** A vouched manifest is the previous run's own text, which {@link ManifestText} reads without the parser. */
    private static Manifest parse(byte[] bytes, boolean vouched) {
        Manifest plain = vouched ? ManifestText.read(bytes) : null;
        return plain != null ? plain : parseJson(bytes, vouched);
    }

    static Manifest parseJson(byte[] bytes, boolean vouched) {
        try (JsonParser p = STREAMS.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("no \"files\" object");
            }
            String version = "";
            SortedMap<String, String> files = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                if (field.equals("files") && value == JsonToken.START_OBJECT) {
                    files = new TreeMap<>();
                    for (String path = p.nextFieldName(); path != null; path = p.nextFieldName()) {
                        files.put(path, p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null);
                        p.skipChildren();
                    }
                } else {
                    if (field.equals("files")) {
                        files = null;
                    }
                    version = field.equals("generatorVersion") && value.isScalarValue() ? p.getText() : version;
                    p.skipChildren();
                }
            }
            if (files == null) {
                throw new IllegalArgumentException("no \"files\" object");
            }
            if (!vouched) {
                check(files);
            }
            return new Manifest(version, Collections.unmodifiableSortedMap(files));
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
    }

    /** Every entry a generated path with a sha256; {@link IllegalArgumentException} names the first that is not. */
    private static void check(SortedMap<String, String> files) {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Optional<String> why = TreeLayout.whyNotGenerated(e.getKey());
            if (why.isPresent()) {
                throw new IllegalArgumentException("lists " + quoted(e.getKey()) + ", which " + why.get());
            }
            if (!isSha256(e.getValue())) {
                throw new IllegalArgumentException("the entry " + quoted(e.getKey()) + " has no sha256");
            }
        }
    }

    /** 64 lower-case hex digits. */
    private static boolean isSha256(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A path as a JSON string: control characters escaped, so a message stays one line. */
    static String quoted(String path) {
        try {
            return JSON.writeValueAsString(path.length() > 200 ? path.substring(0, 200) + "..." : path);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The manifest's bytes: those of {@link #prettyPrinted}, written by {@link ManifestText} when no string needs
     * escaping, as no generated path or sha256 does.
     */
    byte[] toBytes() {
        byte[] plain = ManifestText.write(this);
        return plain != null ? plain : prettyPrinted();
    }

    /** Streamed with the mapper's pretty printer: the same bytes as the mapper writing the tree, without the tree. */
    byte[] prettyPrinted() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(files.size() * 120 + 256);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("generator", "dualstack");
            g.writeStringField("generatorVersion", generatorVersion);
            g.writeObjectFieldStart("files");
            for (Map.Entry<String, String> e : files.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }
}
