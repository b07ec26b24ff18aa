package io.github.dualstack.core.check;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error in YAML words, the same for the descriptor and for generated files: what is wrong, the
 * construct it was found in and where that starts; never SnakeYAML's token names ({@code <block end>}).
 */
public final class YamlSyntaxErrors {

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

    private YamlSyntaxErrors() {
    }

    /** "not valid YAML: " and the problem in YAML words, with the construct it was found in and where that starts. */
    public static String describe(MarkedYAMLException e) {
        return "not valid YAML: " + inWords(e);
    }

    /** Where the problem is: SnakeYAML's mark (counted from 0), or null when it gives none. */
    public static Mark at(MarkedYAMLException e) {
        return e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    }

    private static String inWords(MarkedYAMLException e) {
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

    /** The YAML syntax error behind {@code e}, or null when it is not one. */
    public static MarkedYAMLException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                return m;
            }
        }
        return null;
    }

    /** The first line of {@code s}, trimmed; empty for null. */
    public static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
