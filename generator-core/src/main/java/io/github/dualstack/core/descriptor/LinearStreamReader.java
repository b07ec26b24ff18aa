package io.github.dualstack.core.descriptor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's code point reader with a window that grows geometrically. The scanner peeks to the end of a token
 * before it consumes it, and SnakeYAML's own reader copies the whole window on each 1 KiB it reads meanwhile: a
 * single scalar, key or comment of n characters costs n²/1024 copies (20 MiB took over two minutes). Here a
 * window is copied only when it is full, into one twice the size it needs, so reading stays linear in the input.
 * Positions, line and column counting and the printable check are those of SnakeYAML's reader.
 */
final class LinearStreamReader extends StreamReader {

    private static final int CHUNK = 8192;
    private static final String NAME = "'reader'";

    private final Reader stream;
    private final char[] chunk = new char[CHUNK + 1];
    private int[] window = new int[0];
    private int dataLength;
    private int pointer;
    private boolean eof;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    LinearStreamReader(Reader stream) {
        super(stream);
        this.stream = stream;
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, window, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && ensureEnoughData(0); i++) {
            int c = window[pointer++];
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || (c == '\r' && ensureEnoughData(0) && window[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int offset) {
        return ensureEnoughData(offset) ? window[pointer + offset] : '\0';
    }

    @Override
    public String prefix(int length) {
        if (length == 0) {
            return "";
        }
        // Read first: reading may replace the window.
        int available = ensureEnoughData(length) ? length : Math.min(length, dataLength - pointer);
        return new String(window, pointer, available);
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        index += length;
        documentIndex += length;
        column += length; // a prefix never holds a line break
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }

    /** Reads until the code point {@code offset} past the pointer is in the window; false at the end of input. */
    private boolean ensureEnoughData(int offset) {
        while (!eof && pointer + offset >= dataLength) {
            read();
        }
        return pointer + offset < dataLength;
    }

    private void read() {
        int read;
        try {
            read = stream.read(chunk, 0, CHUNK);
            if (read > 0 && Character.isHighSurrogate(chunk[read - 1])) {
                if (stream.read(chunk, read, 1) == -1) {
                    throw new ReaderException(NAME, index + dataLength - pointer + read, chunk[read - 1],
                            "The last char is HighSurrogate (no LowSurrogate detected).");
                }
                read++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read <= 0) {
            eof = true;
            return;
        }
        if (window.length - dataLength < read) {
            // Earlier marks keep the old array, as with SnakeYAML's reader, which copies on every read.
            int live = dataLength - pointer;
            int[] grown = new int[2 * (live + read)];
            System.arraycopy(window, pointer, grown, 0, live);
            window = grown;
            dataLength = live;
            pointer = 0;
        }
        for (int i = 0; i < read; ) {
            int codePoint = Character.codePointAt(chunk, i, read);
            window[dataLength++] = codePoint;
            if (!isPrintable(codePoint)) {
                throw new ReaderException(NAME, index + dataLength - 1 - pointer, codePoint,
                        "special characters are not allowed");
            }
            i += Character.charCount(codePoint);
        }
    }
}
