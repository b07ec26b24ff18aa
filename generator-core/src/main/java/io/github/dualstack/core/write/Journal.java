package io.github.dualstack.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The commit record of one run, written before the first file of the tree changes: which staged files replace
 * which paths, which paths go, and the new manifest (staged too). Replaying it is idempotent, so a run killed
 * at any instant is completed by the next one.
 */
record Journal(List<String> renames, List<String> deletes) {

    static final String PATH = ".dualstack/journal.json";
    static final String STAGED_MANIFEST = ".dualstack/staging.manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        renames.forEach(root.putArray("renames")::add);
        deletes.forEach(root.putArray("deletes")::add);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Journal parse(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        List<String> renames = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        root.path("renames").forEach(n -> renames.add(n.asText()));
        root.path("deletes").forEach(n -> deletes.add(n.asText()));
        return new Journal(renames, deletes);
    }
}
