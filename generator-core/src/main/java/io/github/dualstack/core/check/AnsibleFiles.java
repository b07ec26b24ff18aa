package io.github.dualstack.core.check;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * A generated Ansible inventory or playbook read back: the text rules and the header, then one YAML document with
 * no duplicate key whose only tag is {@code !unsafe} (Ansible's mark for a string never to be templated, which the
 * inventory puts on every value from the descriptor). ansible-lint and ansible-playbook --syntax-check run on the
 * samples' files in the test suite.
 */
final class AnsibleFiles {

    /** An inventory lists every edge node: at 100,000 of them it is tens of megabytes, read as a stream. */
    private static final long MAX_CHARS = 1L << 30;
    private static final YAMLFactory FACTORY = StrictYamlScanner.factoryBuilder(MAX_CHARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private AnsibleFiles() {
    }

    static void check(String text, Findings out) {
        TextHygiene.check(text, true, out);
        if (!text.startsWith(YamlFiles.HEADER_PREFIX)) {
            out.add("line 1: must be a comment header starting with '" + YamlFiles.HEADER_PREFIX + "'");
        }
        int documents = 0;
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (depth == 0) {
                    documents++;
                }
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
                String tag = p.getTypeId();
                if (tag != null && !tag.replaceFirst("^!+", "").equals("unsafe")) {
                    out.add("line " + p.currentTokenLocation().getLineNr() + ": YAML tag " + tag
                            + " is not allowed; the only tag is !unsafe");
                }
            }
        } catch (StreamReadException e) {
            out.add("line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            out.add("cannot be read: " + e.getMessage());
        }
        if (documents != 1) {
            out.add("must hold exactly one YAML document, not " + documents);
        }
    }
}
