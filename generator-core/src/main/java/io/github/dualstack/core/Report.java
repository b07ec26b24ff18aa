package io.github.dualstack.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dualstack.core.model.Site;
import java.util.List;
import java.util.Optional;

/** What one core call did: the problems found and, when the descriptor is valid, the resolved site. */
public record Report(GenerateRequest.Mode mode, List<Problem> problems, Optional<Site> site,
                     Optional<JsonNode> resolvedDescriptor) {

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
