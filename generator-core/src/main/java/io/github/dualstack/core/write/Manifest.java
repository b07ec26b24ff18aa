package io.github.dualstack.core.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.fs.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * .dualstack/manifest.json: the files the generator owns, with their sha256, and the generator version. It is
 * committed with the tree, so it is untrusted input: every entry must be a generated path
 * ({@link TreeLayout#whyNotGenerated}) with a sha256, or the whole manifest is refused and nothing is touched.
 */
public record Manifest(String generatorVersion, SortedMap<String, String> files) {

    static final String PATH = TreeLayout.MANIFEST;
    /** Far above 100,000 edge nodes' entries (about 30 MB), far below a heap's worth. */
    static final long MAX_BYTES = 128L * 1024 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
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
        return read(outputRoot, PATH).orElse(empty());
    }

    /** A manifest at {@code layoutPath} (the committed or the staged one), empty when absent. */
    static Optional<Manifest> read(Path outputRoot, String layoutPath) throws IOException, WriteRefusedException {
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
            return Optional.of(parse(bytes));
        } catch (IllegalArgumentException e) {
            throw new WriteRefusedException(layoutPath, Refusal.Reason.DAMAGED_METADATA, notAManifest(layoutPath, e.getMessage()));
        }
    }

    private static String notAManifest(String layoutPath, String why) {
        String is = "is not a dualstack manifest (" + why + ")";
        return layoutPath.equals(PATH) ? is + "; it is committed with the tree, so restore it from git (git checkout"
                + " -- <tree>/" + PATH + ")" : is;
    }

    /** Parses and validates; {@link IllegalArgumentException} says what is wrong, in one line. */
    static Manifest parse(byte[] bytes) {
        JsonNode root = MetadataJson.object(bytes, "\"files\" object");
        if (!root.path("files").isObject()) {
            throw new IllegalArgumentException("no \"files\" object");
        }
        SortedMap<String, String> files = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<String> why = TreeLayout.whyNotGenerated(e.getKey());
            if (why.isPresent()) {
                throw new IllegalArgumentException("lists " + quoted(e.getKey()) + ", which " + why.get());
            }
            if (!e.getValue().isTextual() || !SHA256.matcher(e.getValue().asText()).matches()) {
                throw new IllegalArgumentException("the entry " + quoted(e.getKey()) + " has no sha256");
            }
            files.put(e.getKey(), e.getValue().asText());
        }
        return new Manifest(root.path("generatorVersion").asText(), Collections.unmodifiableSortedMap(files));
    }

    /** A path as a JSON string: control characters escaped, so a message stays one line. */
    static String quoted(String path) {
        try {
            return JSON.writeValueAsString(path.length() > 200 ? path.substring(0, 200) + "..." : path);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", "dualstack");
        root.put("generatorVersion", generatorVersion);
        ObjectNode f = root.putObject("files");
        for (Map.Entry<String, String> e : files.entrySet()) {
            f.put(e.getKey(), e.getValue());
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
