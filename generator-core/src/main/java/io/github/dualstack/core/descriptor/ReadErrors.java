package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadContext;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.check.StrictYamlScanner;
import io.github.dualstack.core.check.YamlSyntaxErrors;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Turns an error of the YAML parser or of the tree builder into one problem in the reader's terms: where it is,
 * the field where known, and the cause in YAML words; never a class, event, feature or limit name of the
 * libraries that read the text. Problems about the text as a whole call it by a noun ("descriptor",
 * "kube-apiserver.yaml").
 */
final class ReadErrors {

    /** Words that only the libraries use: a message holding one is not shown as it is. */
    private static final Pattern LIBRARY_TERMS = Pattern.compile(
            "[`<>]|com\\.fasterxml|org\\.yaml|Exception|Event\\b|Feature|Constraints|REDACTED|reference chain|Source:");
    private final long maxBytes;
    private final String limitOption;

    /** {@code limitOption}: how to raise {@code maxBytes}, or null when it cannot be raised. */
    ReadErrors(long maxBytes, String limitOption) {
        this.maxBytes = maxBytes;
        this.limitOption = limitOption;
    }

    /** Reports {@code e}, raised while {@code p} read the token after its current one from the text {@code noun}. */
    void report(JsonProcessingException e, LinearYamlFactory.Parser p, String noun, Problems problems) {
        MarkedYAMLException syntax = YamlSyntaxErrors.find(e);
        if (syntax != null) {
            add(problems, YamlSyntaxErrors.at(syntax), FieldPath.ROOT, YamlSyntaxErrors.describe(syntax));
            return;
        }
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Event event = p.lastEvent();
        if (msg.contains("code point") || msg.contains("Document length")) {
            add(problems, located(e, p), FieldPath.ROOT, noun + " is larger than the limit of " + maxBytes
                    + " bytes" + raise(limitOption));
        } else if (msg.startsWith("Expected a field name") && event instanceof AliasEvent alias) {
            add(problems, event.getStartMark(), enclosing(p), StrictYamlScanner.aliasRefused(alias.getAnchor()));
        } else if (msg.startsWith("Expected a field name") && event instanceof CollectionStartEvent) {
            add(problems, event.getStartMark(), enclosing(p),
                    "a key must be a plain value, not a list or mapping (YAML complex keys are not allowed)");
        } else if (event instanceof ScalarEvent s && s.getTag() != null) {
            // A tag makes the parser decode the value (base64 for !!binary) before the tag could be refused.
            add(problems, event.getStartMark(), FieldPath.of(p.getParsingContext().pathAsPointer()),
                    StrictYamlScanner.tagRefused(s.getTag()));
        } else {
            add(problems, located(e, p), FieldPath.ROOT, "not valid YAML" + userTerms(msg));
        }
    }

    /** An error that is not the descriptor's (closing the input): the cause without the libraries' words. */
    static String cannotRead(Exception e) {
        return cannotRead("descriptor", e);
    }

    static String cannotRead(String noun, Exception e) {
        return "cannot read " + noun + userTerms(e.getMessage());
    }

    /** " (raise it with OPTION)", or nothing when the limit is fixed. */
    static String raise(String limitOption) {
        return limitOption == null ? "" : " (raise it with " + limitOption + ")";
    }

    /** {@code ": "} and the first line of {@code msg}, or nothing when that is empty or in the libraries' words. */
    private static String userTerms(String msg) {
        String first = YamlSyntaxErrors.firstLine(msg);
        return first.isEmpty() || LIBRARY_TERMS.matcher(first).find() ? "" : ": " + first;
    }

    /** Where the error says it is; a limit error says nowhere, so there the token the parser stands on. */
    private static JsonLocation located(JsonProcessingException e, LinearYamlFactory.Parser p) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? p.currentTokenLocation() : at;
    }

    /** The path of the mapping or list the parser stands in. */
    private static FieldPath enclosing(LinearYamlFactory.Parser p) {
        JsonReadContext parent = p.getParsingContext().getParent();
        return parent == null ? FieldPath.ROOT : FieldPath.of(parent.pathAsPointer());
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
}
