package io.github.dualstack.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The JSON files of {@code .dualstack/} (manifest, journal) as untrusted input: unreadable is one short reason. */
final class MetadataJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetadataJson() {
    }

    /** The document's root object; {@link IllegalArgumentException} when it is not JSON or has no object root. */
    static JsonNode object(byte[] bytes, String whatIsMissing) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("no " + whatIsMissing);
        }
        return root;
    }
}
