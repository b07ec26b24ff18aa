package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadContext;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.check.StrictYamlScanner;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Turns an error of the YAML parser or of the tree builder into one problem in the descriptor's terms: where it
 * is, the field where known, and the cause in YAML words; never a class, event, feature or limit name of the
 * libraries that read the descriptor.
 */
final class ReadErrors {

    /** Words that only the libraries use: a message holding one is not shown as it is. */
    private static final Pattern LIBRARY_TERMS = Pattern.compile(
            "[`<>]|com\\.fasterxml|org\\.yaml|Exception|Event\\b|Feature|Constraints|REDACTED|reference chain|Source:");
    private static final Pattern CANNOT_START_TOKEN =
            Pattern.compile("found character '(.*)' that cannot start any token.*");
    /** SnakeYAML names a character with its code: {@code x(120)}. */
    private static final Pattern CHARACTER = Pattern.compile("(?<=found |character )(\\S)\\(\\d+\\)");
    /** A flow collection's "expected ',' or ']', but got :", with the token SnakeYAML names bare. */
    private static final Pattern BUT_GOT = Pattern.compile("(expected .*, )but got (.+)");
    /** SnakeYAML's token names, as they appear in its messages. */
    private static final Map<String, String> TOKENS = Map.ofEntries(
            Map.entry("<block end>", "the end of the block"),
            Map.entry("<block mapping start>", "a mapping"),
            Map.entry("<block sequence start>", "a list"),
            Map.entry("<scalar>", "a value"),
            Map.entry("<stream end>", "the end of the file"),
            Map.entry("<stream start>", "the start of the file"),
            Map.entry("<document start>", "'---'"),
            Map.entry("<document end>", "'...'"),
            Map.entry("<alias>", "an alias"),
            Map.entry("<anchor>", "an anchor"),
            Map.entry("<tag>", "a tag"),
            Map.entry("<directive>", "a directive"));
    private static final Map<String, String> CONTEXTS = Map.of(
            "while parsing a flow sequence", "in the list '[' opened at",
            "while parsing a flow mapping", "in the mapping '{' opened at",
            "while parsing a block mapping", "in the mapping at",
            "while parsing a block collection", "in the list at",
            "while scanning a quoted scalar", "in the quoted value opened at",
            "while scanning a double-quoted scalar", "in the quoted value opened at",
            "while scanning a simple key", "in the key at",
            "while scanning a block scalar", "in the block scalar at");

    private final long maxBytes;

    ReadErrors(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reports {@code e}, raised while {@code p} read the token after its current one. */
    void report(JsonProcessingException e, LinearYamlFactory.Parser p, Problems problems) {
        MarkedYAMLException syntax = syntaxError(e);
        if (syntax != null) {
            Mark at = syntax.getProblemMark() != null ? syntax.getProblemMark() : syntax.getContextMark();
            add(problems, at, FieldPath.ROOT, "not valid YAML: " + describe(syntax));
            return;
        }
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Event event = p.lastEvent();
        if (msg.contains("code point") || msg.contains("Document length")) {
            add(problems, located(e, p), FieldPath.ROOT, "descriptor is larger than the limit of " + maxBytes
                    + " bytes (raise it with --max-descriptor-bytes)");
        } else if (msg.startsWith("Expected a field name") && event instanceof AliasEvent alias) {
            add(problems, event.getStartMark(), enclosing(p), StrictYamlScanner.aliasRefused(alias.getAnchor()));
        } else if (msg.startsWith("Expected a field name") && event instanceof CollectionStartEvent) {
            add(problems, event.getStartMark(), enclosing(p),
                    "a key must be a plain value, not a list or mapping (YAML complex keys are not allowed)");
        } else if (event instanceof ScalarEvent s && s.getTag() != null) {
            // A tag makes the parser decode the value (base64 for !!binary) before the tag could be refused.
            add(problems, event.getStartMark(), StrictYamlScanner.path(p.getParsingContext().pathAsPointer()),
                    StrictYamlScanner.tagRefused(s.getTag()));
        } else {
            add(problems, located(e, p), FieldPath.ROOT, "not valid YAML" + userTerms(msg));
        }
    }

    /** An error that is not the descriptor's (closing the input): the cause without the libraries' words. */
    static String cannotRead(Exception e) {
        return "cannot read descriptor" + userTerms(e.getMessage());
    }

    /** {@code ": "} and the first line of {@code msg}, or nothing when that is empty or in the libraries' words. */
    private static String userTerms(String msg) {
        String first = firstLine(msg);
        return first.isEmpty() || LIBRARY_TERMS.matcher(first).find() ? "" : ": " + first;
    }

    /** The problem in YAML words, and the construct it was found in with where that starts. */
    static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : problem(e.getProblem(), e.getContext());
        Mark cm = e.getContextMark();
        String context = e.getContext();
        if (context == null || cm == null) {
            return problem;
        }
        String where = CONTEXTS.getOrDefault(context, context + " at");
        return problem + " (" + where + " " + (cm.getLine() + 1) + ":" + (cm.getColumn() + 1) + ")";
    }

    private static String problem(String problem, String context) {
        Matcher cannotStart = CANNOT_START_TOKEN.matcher(problem);
        if (cannotStart.matches()) {
            return cannotStart.group(1).contains("TAB") ? "a tab cannot indent YAML; indent with spaces"
                    : "'" + cannotStart.group(1) + "' cannot start a plain value; quote the value";
        }
        if (problem.startsWith("expected '<document start>', but found ")) {
            return "found " + tokens(problem.substring("expected '<document start>', but found ".length()))
                    + " after the end of the document; only one YAML document is allowed";
        }
        if (problem.startsWith("expected <block end>, but found ")) {
            return "found " + tokens(problem.substring("expected <block end>, but found ".length()))
                    + " where the next entry or the end of the block was expected; check the indentation";
        }
        if (problem.equals("mapping values are not allowed here")) {
            return "a ':' is not allowed here; quote a value that holds ': ', or check the indentation";
        }
        if (problem.equals("could not find expected ':'") && "while scanning a simple key".equals(context)) {
            return "could not find the ':' that ends this key; write 'key: value' on one line, with a space after"
                    + " ':' and the key within 1024 characters";
        }
        Matcher got = BUT_GOT.matcher(problem);
        if (got.matches()) {
            return got.group(1) + "but found " + (got.group(2).startsWith("<") ? tokens(got.group(2)) : "'" + got.group(2) + "'");
        }
        return tokens(CHARACTER.matcher(problem.replace("end of stream", "end of the file")).replaceAll("'$1'"));
    }

    /** SnakeYAML's token names ({@code <block end>}, {@code '<scalar>'}) in words. */
    private static String tokens(String text) {
        String out = text;
        for (Map.Entry<String, String> t : TOKENS.entrySet()) {
            out = out.replace("'" + t.getKey() + "'", t.getValue()).replace(t.getKey(), t.getValue());
        }
        return out;
    }

    private static MarkedYAMLException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    /** Where the error says it is; a limit error says nowhere, so there the token the parser stands on. */
    private static JsonLocation located(JsonProcessingException e, LinearYamlFactory.Parser p) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? p.currentTokenLocation() : at;
    }

    /** The path of the mapping or list the parser stands in. */
    private static FieldPath enclosing(LinearYamlFactory.Parser p) {
        JsonReadContext parent = p.getParsingContext().getParent();
        return parent == null ? FieldPath.ROOT : StrictYamlScanner.path(parent.pathAsPointer());
    }

    private static void add(Problems problems, Mark at, FieldPath path, String message) {
        problems.addAt(at == null ? 1 : at.getLine() + 1, at == null ? 1 : at.getColumn() + 1, path,
                Problem.Severity.ERROR, message);
    }

    private static void add(Problems problems, JsonLocation at, FieldPath path, String message) {
        int line = at == null ? 1 : Math.max(1, at.getLineNr());
        int column = at == null || at.getLineNr() < 1 ? 1 : Math.max(1, at.getColumnNr());
        problems.addAt(line, column, path, Problem.Severity.ERROR, message);
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
