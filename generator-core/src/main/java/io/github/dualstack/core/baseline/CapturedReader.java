package io.github.dualstack.core.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.Sha256;
import io.github.dualstack.core.baseline.BaselineLayout.Embedded;
import io.github.dualstack.core.check.YamlRules;
import io.github.dualstack.core.descriptor.SourceLocator;
import io.github.dualstack.core.descriptor.StrictYamlReader;
import io.github.dualstack.core.fs.NotRegularFileException;
import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.fs.TooLargeException;
import io.github.dualstack.core.rules.Printable;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads captured files as untrusted input, like the descriptor: regular files only (a link is refused, not
 * followed), at most a stated size, UTF-8, and strict YAML through the descriptor's reader. Thread-safe.
 *
 * <p>Each file is read once. The checks locate problems from its text; what is kept for the plan holds the tree
 * but not the text: a problem located later reads the file again, and locates nothing (1:1) when its bytes have
 * changed since, so a large nodes list or many edge configs do not keep their text on the heap.
 */
final class CapturedReader {

    private final long maxFileBytes;
    private final long maxNodesBytes;
    private final StrictYamlReader files;
    private final StrictYamlReader nodes;
    private final StrictYamlReader strings;
    private final StrictJson json = new StrictJson();

    /**
     * A captured YAML file as read: {@code checking} locates from the text read, {@code kept} by reading the file
     * again; {@code reading} holds the text, for the documents its strings hold.
     */
    record Read(CapturedFile checking, CapturedFile kept, StrictYamlReader.Reading reading) {
    }

    /** A document held in a string of a file: for the checks and to keep, as {@link Read}. */
    record Document(CapturedFile checking, CapturedFile kept) {
    }

    /**
     * {@code maxFileBytes} for every file but the nodes list, which may reach {@code maxNodesBytes} (raised with
     * {@code limitOption}).
     */
    CapturedReader(long maxFileBytes, long maxNodesBytes, String limitOption) {
        this.maxFileBytes = maxFileBytes;
        this.maxNodesBytes = maxNodesBytes;
        this.files = new StrictYamlReader(maxFileBytes, null, YamlRules.captured("captured file"));
        this.nodes = new StrictYamlReader(maxNodesBytes, limitOption, YamlRules.captured("nodes list"));
        this.strings = new StrictYamlReader(maxFileBytes, null, YamlRules.captured("document"));
    }

    /**
     * The YAML file at {@code file}, shown as {@code shown}; {@code nodesList}: the nodes list, read one node at a
     * time. Null after adding the reasons to {@code out}.
     */
    Read yaml(Path file, String shown, boolean nodesList, List<Problem> out) {
        String noun = noun(shown);
        StrictYamlReader reader = nodesList ? nodes : files;
        long limit = nodesList ? maxNodesBytes : maxFileBytes;
        StrictYamlReader.TreeBuilder builder = nodesList ? NodesList.BUILDER : null;
        Problems read = new Problems(shown, p -> new int[] {1, 1});
        byte[] bytes = bytes(file, noun, limit, reader, read);
        StrictYamlReader.Reading reading = bytes == null ? null : reader.read(bytes, noun, read, builder);
        out.addAll(read.list());
        if (reading == null || read.hasErrors()) {
            return null;
        }
        byte[] digest = Sha256.digest().digest(bytes);
        Supplier<JsonNode> again = memo(() -> reread(file, limit, digest, reader, builder, noun));
        return new Read(new CapturedFile(shown, reading.tree(), new SourceLocator(reading::locatedTree)),
                new CapturedFile(shown, reading.tree(), new SourceLocator(again)), reading);
    }

    /**
     * The document {@code document} held in a string of {@code outer} (which passed its shape check), located in
     * {@code outer}'s text: at its own line when the string is a literal block scalar, else at the string. Null
     * after adding the reasons to {@code out}.
     */
    Document embedded(Read outer, Embedded document, List<Problem> out) {
        FieldPath at = document.path();
        String text = outer.checking().tree().at("/data/" + document.dataKey().replace("~", "~0").replace("/", "~1"))
                .textValue();
        int[] value = outer.checking().at(at);
        int[] block = literalBlock(outer.reading(), value[0], value[1]);
        Problems read = new Problems(outer.checking().name(), p -> new int[] {1, 1}, at);
        String noun = document.dataKey();
        Supplier<JsonNode> checkingTree;
        Supplier<JsonNode> keptTree;
        JsonNode tree;
        if (document.syntax() == BaselineLayout.Syntax.JSON) {
            tree = json.read(text, noun, read);
            checkingTree = memo(() -> json.locate(text));
            keptTree = checkingTree;
        } else {
            StrictYamlReader.Reading reading = strings.readText(text, noun, read, null);
            tree = reading == null ? null : reading.tree();
            checkingTree = reading == null ? null : reading::locatedTree;
            keptTree = memo(() -> strings.locate(text, null));
        }
        for (Problem p : read.list()) {
            int[] lc = block == null ? value : new int[] {block[0] + p.line() - 1, block[1] + p.column()};
            out.add(new Problem(p.file(), lc[0], lc[1], p.path(), p.severity(), p.message()));
        }
        if (tree == null || read.hasErrors()) {
            return null;
        }
        String name = outer.checking().name();
        return new Document(
                new CapturedFile(name, tree, new InString(block, outer.checking().locator(), at, checkingTree), at),
                new CapturedFile(name, tree, new InString(block, outer.kept().locator(), at, keptTree), at));
    }

    /** A text file (the kubelet unit, the certificate's names), or null after adding the reasons to {@code out}. */
    CapturedText text(Path file, String shown, List<Problem> out) {
        String noun = noun(shown);
        Problems read = new Problems(shown, p -> new int[] {1, 1});
        byte[] bytes = bytes(file, noun, maxFileBytes, files, read);
        String text = bytes == null ? null : files.decode(bytes, noun, read);
        if (text != null && !plainText(text, read)) {
            text = null;
        }
        out.addAll(read.list());
        return text == null ? null : new CapturedText(shown, text);
    }

    /** The bytes of the regular file {@code file}, at most {@code limit}; null after reporting why not. */
    private static byte[] bytes(Path file, String noun, long limit, StrictYamlReader reader, Problems problems) {
        try {
            return SafeFiles.readInTree(file, limit);
        } catch (TooLargeException e) {
            reader.reportOversize(sizeOf(file, limit), noun, problems);
        } catch (NotRegularFileException e) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, BaselineLoader.notRegular(e.kind()));
        } catch (IOException e) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, "cannot be read: " + reason(e));
        }
        return null;
    }

    /** Text as systemd and OpenSSL print it: no control character but tab and line breaks. */
    private static boolean plainText(String text, Problems problems) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if (c != '\t' && c != '\r' && Printable.isControl(c)) {
                problems.addAt(line, column, FieldPath.ROOT, Problem.Severity.ERROR, String.format(
                        "holds the control character U+%04X, which no captured text has; capture the file again", (int) c));
                return false;
            }
            column += Character.isHighSurrogate(c) ? 0 : 1;
        }
        return true;
    }

    /** The operating system's reason, without the path (the problem names the file). */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null && !fs.getReason().isBlank()) {
            return fs.getReason();
        }
        String d = SafeFiles.describe(e);
        int colon = d.lastIndexOf(": ");
        return colon < 0 ? d : d.substring(colon + 2);
    }

    /** A file's last name: what problems about the whole file call it. */
    private static String noun(String shown) {
        return shown.substring(shown.lastIndexOf('/') + 1);
    }

    private static long sizeOf(Path file, long limit) {
        try {
            return Math.max(Files.size(file), limit + 1);
        } catch (IOException e) {
            return limit + 1;
        }
    }

    private static JsonNode reread(Path file, long limit, byte[] digest, StrictYamlReader reader,
                                   StrictYamlReader.TreeBuilder builder, String noun) {
        try {
            byte[] bytes = SafeFiles.readInTree(file, limit);
            if (!Arrays.equals(Sha256.digest().digest(bytes), digest)) {
                return MissingNode.getInstance();
            }
            String text = reader.decode(bytes, noun, new Problems(noun, p -> new int[] {1, 1}));
            return text == null ? MissingNode.getInstance() : reader.locate(text, builder);
        } catch (IOException | RuntimeException e) {
            return MissingNode.getInstance();   // only a problem's place is lost
        }
    }

    /**
     * Where the content of a literal block scalar ({@code |}, {@code |-}, {@code |+}, with an optional indentation
     * indicator) whose indicator stands at {@code line:column} starts: {@code {first line, indentation}}; null when
     * the value there is written in another style, whose lines are not the document's.
     */
    static int[] literalBlock(StrictYamlReader.Reading reading, int line, int column) {
        String text = reading.text();
        int start = lineStart(text, line);
        if (start < 0) {
            return null;
        }
        int i;
        try {
            i = text.offsetByCodePoints(start, column - 1);
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
        if (i >= text.length() || text.charAt(i) != '|') {
            return null;
        }
        int j = i + 1;
        int explicit = 0;
        while (j < text.length() && "+-123456789".indexOf(text.charAt(j)) >= 0) {
            explicit = Character.isDigit(text.charAt(j)) ? text.charAt(j) - '0' : explicit;
            j++;
        }
        int eol = text.indexOf('\n', j);
        eol = eol < 0 ? text.length() : eol;
        String rest = text.substring(j, eol).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            return null;
        }
        if (explicit > 0) {
            return new int[] {line + 1, spaces(text, start) + explicit};
        }
        for (int from = eol + 1; from < text.length(); ) {
            int end = text.indexOf('\n', from);
            end = end < 0 ? text.length() : end;
            int indent = spaces(text, from);
            if (from + indent < end && text.charAt(from + indent) != '\r') {
                return new int[] {line + 1, indent};
            }
            from = end + 1;
        }
        return null;
    }

    private static int lineStart(String text, int line) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = text.indexOf('\n', at);
            if (at < 0) {
                return -1;
            }
            at++;
        }
        return at;
    }

    private static int spaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i - from;
    }

    /** {@code s}, computed once on first use; safe to share between threads. */
    static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    /**
     * Locates a path of a document held in a string of a file: in the document's own lines when the string is a
     * literal block ({@code block} = its first line and indentation), else at the string ({@code at} in the file).
     */
    private record InString(int[] block, Problems.Locator file, FieldPath at, Supplier<JsonNode> located)
            implements Problems.Locator {
        @Override
        public int[] lineAndColumn(FieldPath path) {
            if (block == null || located == null) {
                return file.lineAndColumn(at);
            }
            int[] in = new SourceLocator(located).lineAndColumn(path);
            return new int[] {block[0] + in[0] - 1, block[1] + in[1]};
        }
    }
}
