package io.github.dualstack.core.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * calico-config's {@code cni_network_config}: a CNI conflist that is not JSON until Calico's install-cni replaces
 * its bare placeholders ({@code "mtu": __CNI_MTU__}; projectcalico/calico {@code cni-plugin/pkg/install}). Bare
 * placeholders are read as marked strings and written back bare, so the site's template survives a merge.
 */
public final class CniConfig {

    private static final Pattern BARE = Pattern.compile("(?<=[:\\[,]\\s{0,64})(__[A-Z0-9_]+__)(?=\\s*[,}\\]])");
    private static final Pattern MARKED = Pattern.compile("\"\\\\u0000(__[A-Z0-9_]+__)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private CniConfig() {
    }

    /** The conflist as a tree; a bare placeholder becomes a string that {@link #print} writes bare again. */
    public static JsonNode read(String text) throws JsonProcessingException {
        return JSON.readTree(BARE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\"\\u0000" + m.group(1) + "\"")));
    }

    public static String print(JsonNode conflist) {
        try {
            String json = PRETTY.writeValueAsString(conflist);
            return MARKED.matcher(json).replaceAll(m -> Matcher.quoteReplacement(m.group(1))) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always prints", e);
        }
    }
}
