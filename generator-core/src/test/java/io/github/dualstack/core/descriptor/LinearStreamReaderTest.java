package io.github.dualstack.core.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.dualstack.core.Descriptors;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/** The reader that keeps long tokens linear must read exactly what SnakeYAML's own reader reads. */
class LinearStreamReaderTest {

    /** Past the 8 KiB chunk, with a surrogate pair split across the chunk boundary. */
    private static final String ACROSS_CHUNKS = "k: " + "x".repeat(8188) + "\uD83D\uDE00" + "y".repeat(9000) + "\n";

    /** Short lines, so that the scanner's look-ahead at a line start ("---"?) meets many chunk ends. */
    private static final String MANY_LINES = "list:\n" + "  - item\n  - other item\n".repeat(4000);

    static Stream<String> texts() {
        return Stream.of(Descriptors.Base.DUAL.text(), Descriptors.Base.IPV6_ONLY.text(),
                Descriptors.Base.IPV6_PRIMARY.text(), ACROSS_CHUNKS, MANY_LINES,
                "a: 1\r\nb: 2\rc: 3\u0085d: 4\u2028e: 5\n",
                "\uFEFF# comment\nlist:\n  - \"quoted \\u00e9\"\n  - 'single'\n  - |\n    literal\n    text\n",
                "# " + "c".repeat(20_000) + "\nkey: \"" + "q".repeat(20_000) + "\"\n",
                "", "x");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void readsTheSameEventsAtTheSamePositionsAsSnakeYaml(String text) {
        assertThat(events(new LinearStreamReader(new StringReader(text))))
                .isEqualTo(events(new StreamReader(new StringReader(text))));
    }

    @Test
    void refusesANonPrintableCharacterWhereSnakeYamlDoes() {
        String text = "a: 1\nb: \u0007\n";
        ReaderException ours = readerError(new LinearStreamReader(new StringReader(text)));
        ReaderException theirs = readerError(new StreamReader(new StringReader(text)));
        assertThat(ours.getPosition()).isEqualTo(theirs.getPosition()).isEqualTo(8);
        assertThat(ours.getCodePoint()).isEqualTo(7);
    }

    /**
     * Peeking to the end of a 16 MiB token, as the scanner does before consuming it, allocates windows of a few
     * times the token in all; a reader that copies its window on each read allocates about n²/2 KiB.
     */
    @Test
    void aLongTokenIsBufferedInLinearSpaceAndTime() {
        int n = 16 * 1024 * 1024;
        LinearStreamReader reader = new LinearStreamReader(new StringReader("a".repeat(n)));
        Map<int[], Boolean> windows = new IdentityHashMap<>();
        for (int i = 0; i < n; i += 1024) {
            assertThat(reader.peek(i)).isEqualTo('a');
            windows.put(reader.getMark().getBuffer(), Boolean.TRUE);
        }
        assertThat(reader.peek(n)).isEqualTo('\0');
        long allocated = windows.keySet().stream().mapToLong(w -> w.length).sum();
        assertThat(allocated).isLessThan(4L * n);
        assertThat(windows).hasSizeLessThan(20);
    }

    private static ReaderException readerError(StreamReader reader) {
        return (ReaderException) catchThrowable(() -> events(reader));
    }

    /** Each event as its kind, value and start/end marks; comments included. */
    private static List<String> events(StreamReader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(true);
        options.setCodePointLimit(Integer.MAX_VALUE);
        ParserImpl parser = new ParserImpl(reader, options);
        List<String> out = new ArrayList<>();
        while (parser.peekEvent() != null) {
            Event e = parser.getEvent();
            out.add(e.getEventId() + (e instanceof ScalarEvent s ? " " + s.getValue() : "") + " "
                    + mark(e.getStartMark()) + "-" + mark(e.getEndMark()));
        }
        return out;
    }

    private static String mark(Mark m) {
        return m == null ? "?" : m.getLine() + ":" + m.getColumn() + "@" + m.getIndex();
    }
}
