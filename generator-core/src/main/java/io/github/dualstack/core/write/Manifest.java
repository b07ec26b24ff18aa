package io.github.dualstack.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** .dualstack/manifest.json: the files the generator owns, with their sha256, and the generator version. */
public record Manifest(String generatorVersion, SortedMap<String, String> files) {

    static final String PATH = ".dualstack/manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public static Manifest empty() {
        return new Manifest("", Collections.emptySortedMap());
    }

    public boolean owns(String path) {
        return files.containsKey(path);
    }

    /** The manifest of an output directory; empty when there is none. */
    public static Manifest read(Path outputRoot) throws IOException {
        Path p = outputRoot.resolve(PATH);
        if (!Files.exists(p)) {
            return empty();
        }
        try {
            return parse(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new IOException(p + " is not a dualstack manifest (" + e.getMessage() + ")", e);
        }
    }

    static Manifest parse(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        SortedMap<String, String> files = new TreeMap<>();
        JsonNode f = root.path("files");
        if (!f.isObject()) {
            throw new IOException("no \"files\" object");
        }
        f.fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        return new Manifest(root.path("generatorVersion").asText(), Collections.unmodifiableSortedMap(files));
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
