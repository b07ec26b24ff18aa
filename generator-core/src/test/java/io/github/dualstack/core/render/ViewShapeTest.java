package io.github.dualstack.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.view.Labels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ViewShapeTest {

    public enum Mode { A, B }

    public record Inner(String text, boolean flag) {
    }

    public record View(String name, int port, boolean quic, Mode mode, Optional<String> extra, List<Inner> items,
                       Labels labels) {
    }

    private static Labels labels(int n) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            m.put("k" + i, "v" + i);
        }
        return new Labels(new TreeMap<>(m));
    }

    private static final View BASE = new View("edge-1", 10000, false, Mode.A, Optional.empty(),
            List.of(new Inner("x", true)), labels(0));

    @Test
    void stringsAndNumbersDoNotChangeTheShape() {
        assertThat(ViewShape.of(new View("edge-2: {x}", 1, false, Mode.A, Optional.empty(),
                List.of(new Inner("other\nline", true)), labels(0)))).isEqualTo(ViewShape.of(BASE));
    }

    @Test
    void whatATemplateCanBranchOnChangesIt() {
        String base = ViewShape.of(BASE);
        assertThat(List.of(
                new View("edge-1", 10000, true, Mode.A, Optional.empty(), BASE.items(), labels(0)),
                new View("edge-1", 10000, false, Mode.B, Optional.empty(), BASE.items(), labels(0)),
                new View("edge-1", 10000, false, Mode.A, Optional.of("x"), BASE.items(), labels(0)),
                new View("edge-1", 10000, false, Mode.A, Optional.empty(), List.of(), labels(0)),
                new View("edge-1", 10000, false, Mode.A, Optional.empty(),
                        List.of(new Inner("x", true), new Inner("y", true)), labels(0)),
                new View("edge-1", 10000, false, Mode.A, Optional.empty(), List.of(new Inner("x", false)), labels(0)),
                new View("edge-1", 10000, false, Mode.A, Optional.empty(), BASE.items(), labels(1)))
        ).extracting(ViewShape::of).doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void severalAreOneShapeHoweverMany() {
        assertThat(ViewShape.of(new View("e", 1, false, Mode.A, Optional.empty(), BASE.items(), labels(2))))
                .isEqualTo(ViewShape.of(new View("e", 1, false, Mode.A, Optional.empty(), BASE.items(), labels(9))));
    }
}
