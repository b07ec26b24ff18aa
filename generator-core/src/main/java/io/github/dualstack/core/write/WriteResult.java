package io.github.dualstack.core.write;

import java.util.List;

/**
 * What a write did. With any refusal nothing was written at all. {@code reused}: of the {@code unchanged} files,
 * those taken as the previous run left them without rendering (their inputs were the same). {@code recovery} says
 * what an interrupted earlier run left and how it was completed or discarded (empty when there was nothing to
 * recover).
 */
public record WriteResult(List<String> written, int unchanged, int reused, List<String> removed,
                          List<Refusal> refusals, String recovery) {

    public boolean refused() {
        return !refusals.isEmpty();
    }

    public boolean noOp() {
        return !refused() && written.isEmpty() && removed.isEmpty();
    }
}
