package io.github.dualstack.core;

import static io.github.dualstack.core.Descriptors.Base.DUAL;
import static io.github.dualstack.core.InvalidDescriptorCase.of;

import java.util.List;

/**
 * What the reader says about YAML it refuses, word for word: malformed YAML, characters YAML forbids, YAML
 * features the descriptor refuses and numbers YAML 1.1 reads as something else. One problem per row, at its
 * {@code line:column} and field, in YAML terms. Line numbers of the edits are those of the base (see
 * {@link InvalidDescriptors}).
 */
final class ReaderMessages {

    private static final String COMPLEX_KEY =
            "a key must be a plain value, not a list or mapping (YAML complex keys are not allowed)";

    private ReaderMessages() {
    }

    /** The problem of a plain scalar that YAML 1.1 reads as {@code number}. */
    private static String readAs(String raw, String number) {
        return "'" + raw + "' is read as " + number + " (YAML 1.1); quote it if it is meant as text";
    }

    private static String forbidden(String codePoint) {
        return "character U+" + codePoint + " is not allowed in YAML; remove it, or write it as \"\\u" + codePoint
                + "\" in a double-quoted value";
    }

    static List<InvalidDescriptorCase> all() {
        return List.of(
                // ---- malformed YAML ---------------------------------------------------------------------------
                of("unclosed flow mapping", DUAL.edit().sub(44, "{line: \"1\"}", "{line: \"1\""),
                        "45:7", "", "not valid YAML: expected ',' or '}', but found '-' (in the mapping '{' opened at 44:17)")
                        .exact(),
                of("unclosed flow mapping at the end of the file", DUAL.edit().sub(55, "{line: \"3\"}", "{line: \"3\""),
                        "56:1", "", "not valid YAML: expected ',' or '}', but found the end of the file (in the mapping '{'"
                                + " opened at 55:17)").exact(),
                of("tab as indentation", DUAL.edit().after(7, "\tdescription: x"),
                        "8:1", "", "not valid YAML: a tab cannot indent YAML; indent with spaces").exact(),
                of("key indented deeper than its siblings", DUAL.edit().after(7, "   description: x"),
                        "8:15", "", "not valid YAML: a ':' is not allowed here; quote a value that holds ': ', or check"
                                + " the indentation").exact(),
                of("list item inside a mapping", DUAL.edit().after(7, "- a"),
                        "8:1", "", "not valid YAML: found '-' where the next entry or the end of the block was expected;"
                                + " check the indentation (in the mapping at 4:1)").exact(),
                of("key over 1024 characters", DUAL.edit().after(7, "  " + "k".repeat(1100) + ": 1"),
                        "8:1103", "", "not valid YAML: could not find the ':' that ends this key; write 'key: value' on"
                                + " one line, with a space after ':' and the key within 1024 characters (in the key at 8:3)")
                        .exact(),
                of("reserved indicator '@' starts a value", DUAL.edit().after(7, "  description: @x"),
                        "8:16", "", "not valid YAML: '@' cannot start a plain value; quote the value").exact(),
                of("unknown escape in a double-quoted value", DUAL.edit().sub(7, "factory-east", "\"fac\\qtory\""),
                        "7:14", "", "not valid YAML: found unknown escape character 'q' (in the quoted value opened at 7:9)")
                        .exact(),
                of("unclosed quote runs to the end of the file", DUAL.edit().sub(55, "{line: \"3\"}", "{line: \"3}"),
                        "56:1", "", "not valid YAML: found unexpected end of the file (in the quoted value opened at 55:24)")
                        .exact(),
                of("bad block scalar indicator", DUAL.edit().after(7, "  description: |x\n    a"),
                        "8:17", "", "not valid YAML: expected chomping or indentation indicators, but found 'x' (in the"
                                + " block scalar at 8:16)").exact(),
                of("content after the document end marker", DUAL.edit().after(55, "...\nextra: 1"),
                        "57:1", "", "not valid YAML: found a mapping after the end of the document; only one YAML document"
                                + " is allowed").exact(),
                of("YAML version 2", DUAL.edit().after(0, "%YAML 2.0\n---"),
                        "1:1", "", "not valid YAML: found incompatible YAML document (version 1.* is required)").exact(),
                of("a document of nothing but ---", DUAL.edit().set(1, "---").delete(2, 55),
                        "1:1", "", "descriptor is empty").exact(),

                // ---- characters YAML forbids ----------------------------------------------------------------------
                of("control character in a value", DUAL.edit().sub(7, "factory-east", "fact\u0007ory"),
                        "7:13", "", forbidden("0007")).exact(),
                of("noncharacter U+FFFE in a comment", DUAL.edit().sub(2, "one worker", "one \uFFFE worker"),
                        "2:64", "", forbidden("FFFE")).exact(),

                // ---- refused YAML features ------------------------------------------------------------------------
                of("list as a key", DUAL.edit().after(7, "  ? [a, b]\n  : 1"),
                        "8:5", "metadata", COMPLEX_KEY).exact(),
                of("list as a key in a flow mapping", DUAL.edit().sub(44, "{line: \"1\"}", "{[a]: \"1\"}"),
                        "44:18", "spec.edge.nodes[0].labels", COMPLEX_KEY).exact(),
                of("alias as a key", DUAL.edit().after(7, "  *a : 1"),
                        "8:3", "metadata", "YAML aliases (*a) are not allowed; write the value out").exact(),
                of("binary tag with bad base64", DUAL.edit().sub(7, "factory-east", "!!binary \"@@@\""),
                        "7:9", "metadata.name", "YAML tags (!!binary) are not allowed").exact(),
                of("float tag on text", DUAL.edit().sub(22, "1000", "!!float abc"),
                        "22:16", "spec.cloudCore.nodeLimit", "YAML tags (!!float) are not allowed").exact(),

                // ---- numbers: one problem per field ---------------------------------------------------------------
                of("nodeLimit .inf", DUAL.edit().sub(22, "1000", ".inf"),
                        "22:16", "spec.cloudCore.nodeLimit", readAs(".inf", "the number infinity")).exact(),
                of("port .inf", DUAL.edit().after(22, "    ports: {websocket: .inf}"),
                        "23:24", "spec.cloudCore.ports.websocket", readAs(".inf", "the number infinity")).exact(),
                of("port -.Inf", DUAL.edit().after(22, "    ports: {quic: -.Inf}"),
                        "23:19", "spec.cloudCore.ports.quic", readAs("-.Inf", "the number -infinity")).exact(),
                of("NodePort .NaN", DUAL.edit().after(22, "    nodePorts: {https: .NaN}"),
                        "23:24", "spec.cloudCore.nodePorts.https", readAs(".NaN", "the number NaN (not a number)")).exact(),
                of("sexagesimal float", DUAL.edit().sub(22, "1000", "190:20:30.15"),
                        "22:16", "spec.cloudCore.nodeLimit", readAs("190:20:30.15", "a number")).exact());
    }
}
