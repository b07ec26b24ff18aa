package io.github.dualstack.core.check;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The rules every generated file keeps: UTF-8, LF line endings, no control characters, a final newline. */
final class TextHygiene {

    private TextHygiene() {
    }

    /** The text, or null after reporting that the bytes are not UTF-8. */
    static String decode(byte[] bytes, Findings out) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            out.add("is not valid UTF-8");
            return null;
        }
    }

    /** LF only, no control characters other than tab, and a final newline (exactly one when {@code single}). */
    static void check(String text, boolean singleFinalNewline, Findings out) {
        if (text.isEmpty()) {
            out.add("is empty");
            return;
        }
        if (text.charAt(0) == '\uFEFF') {
            out.add("starts with a byte order mark (U+FEFF)");
        }
        int line = 1;
        int crLine = 0;
        int crCount = 0;
        int ctlLine = 0;
        int ctlCount = 0;
        int ctlChar = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                crCount++;
                crLine = crLine == 0 ? line : crLine;
            } else if (c != '\t' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))) {
                ctlCount++;
                if (ctlLine == 0) {
                    ctlLine = line;
                    ctlChar = c;
                }
            }
        }
        if (crCount > 0) {
            out.add("line " + crLine + ": has a CR (\\r) line ending" + places(crCount) + "; only LF is allowed");
        }
        if (ctlCount > 0) {
            out.add("line " + ctlLine + ": has control character U+" + String.format(Locale.ROOT, "%04X", ctlChar)
                    + places(ctlCount) + "; only LF and tab are allowed");
        }
        if (!text.endsWith("\n")) {
            out.add("does not end with a newline");
        } else if (singleFinalNewline && text.length() > 1 && text.endsWith("\n\n")) {
            out.add("ends with blank lines; end with exactly one newline");
        }
    }

    /** " (n places)" for a problem found more than once; one problem line names the first. */
    static String places(int n) {
        return n == 1 ? "" : " (" + n + " places)";
    }
}
