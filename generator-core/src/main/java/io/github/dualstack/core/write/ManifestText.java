package io.github.dualstack.core.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manifest as {@link Manifest#prettyPrinted} writes it, written and read without Jackson when no string has a
 * character that JSON escapes or that is not printable ASCII, as every generated path and sha256 is (200,000 entries
 * at 100,000 edges): a field per line, two spaces of indent a level, {@code " : "} between a key and its value, the
 * system's line separator, {@code { }} for an empty object.
 */
final class ManifestText {
    private static final String LINE = System.lineSeparator();
    /** The indent of each level the manifest has. */
    private static final String[] INDENT = {"", "  ", "    "};
    private byte[] bytes;
    private int length;
    private boolean noEscapes = true;

    private ManifestText(int capacity) {
        bytes = new byte[capacity];
    }

    /** The bytes of {@link Manifest#prettyPrinted}, or null when a string needs escaping. */
    static byte[] write(Manifest m) {
        ManifestText out = new ManifestText(m.files().size() * 100 + 256);
        out.raw("{").line(1).string("generator").raw(" : ").string("dualstack").raw(",").line(1)
                .string("generatorVersion").raw(" : ").string(m.generatorVersion()).raw(",").line(1)
                .string("files").raw(" : {");
        if (m.files().isEmpty()) {
            out.raw(" }");
        } else {
            boolean first = true;
            for (Map.Entry<String, String> e : m.files().entrySet()) {
                (first ? out : out.raw(",")).line(2).string(e.getKey()).raw(" : ").string(e.getValue());
                first = false;
            }
            out.line(1).raw("}");
        }
        out.line(0).raw("}\n");
        return out.noEscapes ? Arrays.copyOf(out.bytes, out.length) : null;
    }

    /**
     * The manifest of exactly what {@link #write} writes, keys in ascending order, or null for any other bytes: for
     * those it gives the same manifest as the JSON parser, without the parser (a vouched manifest, which the
     * previous run wrote, is read so at 100,000 edges).
     */
    static Manifest read(byte[] bytes) {
        Reading in = new Reading(bytes);
        in.expect("{").line(1).expect("\"generator\" : \"dualstack\",").line(1).expect("\"generatorVersion\" : ");
        String version = in.string();
        in.expect(",").line(1).expect("\"files\" : {");
        TreeMap<String, String> files = new TreeMap<>();
        if (!in.skip(" }")) {
            String last = null;
            do {
                String path = in.line(2).string();
                String sha = in.expect(" : ").string();
                if (!in.ok() || last != null && last.compareTo(path) >= 0) {
                    return null;
                }
                files.put(path, sha);
                last = path;
            } while (in.skip(","));
            in.line(1).expect("}");
        }
        in.line(0).expect("}\n");
        return in.ok() && in.atEnd() ? new Manifest(version, Collections.unmodifiableSortedMap(files)) : null;
    }

    /** Whether {@code c} stands for itself in a JSON string, and is printable ASCII. */
    private static boolean plain(int c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    }

    /** A cursor over {@link #write}'s bytes; a step that does not match fails the reading for good. */
    private static final class Reading {
        private final byte[] bytes;
        private int at;
        private boolean failed;

        Reading(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean ok() {
            return !failed;
        }

        boolean atEnd() {
            return !failed && at == bytes.length;
        }

        /** Passes {@code text} when it comes next; false, and nothing passed, when it does not. */
        boolean skip(String text) {
            if (failed || bytes.length - at < text.length()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (bytes[at + i] != text.charAt(i)) {
                    return false;
                }
            }
            at += text.length();
            return true;
        }

        Reading expect(String text) {
            failed |= !skip(text);
            return this;
        }

        /** A line break and {@code level} levels of indent. */
        Reading line(int level) {
            return expect(LINE).expect(INDENT[level]);
        }

        /** A quoted string of characters that need no escape; null when the reading failed. */
        String string() {
            expect("\"");
            int start = at;
            while (!failed && at < bytes.length && plain(bytes[at])) {
                at++;
            }
            String s = new String(bytes, start, at - start, StandardCharsets.ISO_8859_1);
            return expect("\"").ok() ? s : null;
        }
    }

    private ManifestText raw(String s) {
        return chars(s, false);
    }

    private ManifestText string(String s) {
        if (s == null) {
            noEscapes = false;
            return this;
        }
        return raw("\"").chars(s, true).raw("\"");
    }

    private ManifestText line(int level) {
        return raw(LINE).raw(INDENT[level]);
    }

    private ManifestText chars(String s, boolean checked) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            noEscapes &= !checked || plain(c);
            bytes[length++] = (byte) c;
        }
        return this;
    }

    private void room(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}
