package io.github.dualstack.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/** The descriptor with every default applied, as validate --resolved prints it; the tree stays inside the core. */
public final class ResolvedDescriptor {

    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private final JsonNode tree;

    ResolvedDescriptor(JsonNode tree) {
        this.tree = tree;
    }

    public String yaml() {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String json() {
        return tree.toPrettyString();
    }
}
