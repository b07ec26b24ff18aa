package io.github.dualstack.core.plan;

import java.util.List;
import java.util.stream.Stream;

/** The views of planned files, by type or by path: what the builder tests compare. */
final class PlannedViews {

    private PlannedViews() {
    }

    static <V> List<V> all(Stream<PlannedFile> files, Class<V> type) {
        return files.map(PlannedFile::view).filter(type::isInstance).map(type::cast).toList();
    }

    static <V> V at(Stream<PlannedFile> files, String path, Class<V> type) {
        return files.filter(f -> f.path().equals(path)).map(f -> type.cast(f.view())).findFirst()
                .orElseThrow(() -> new AssertionError("not planned: " + path));
    }
}
