package io.github.dualstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A parser's JSON pointer as the field path a problem prints. */
class FieldPathTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', emptyValue = "", textBlock = """
            ''                           | ''
            /spec/nodes/0/name           | spec.nodes[0].name
            /spec/edge/nodes/12/labels   | spec.edge.nodes[12].labels
            /spec/labels/01              | spec.labels.01
            /spec/labels/a~1b            | spec.labels."a/b"
            /spec/labels/a~0b            | spec.labels."a~b"
            /a/0/1                       | a[0][1]
            """)
    void pointers(String pointer, String dotted) {
        FieldPath p = FieldPath.of(JsonPointer.compile(pointer));
        assertThat(p.toString()).isEqualTo(dotted);
    }
}
