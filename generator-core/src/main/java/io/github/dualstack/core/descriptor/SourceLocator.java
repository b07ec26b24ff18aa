package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.utils.JsonNodes;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Locates a field path in the tree as read, falling back to the nearest enclosing node that exists.
 *
 * <p>With the text at hand, a path is first looked for by reading tokens only as far as the answer: a problem near
 * the top of a 100,000-node descriptor (a site-wide warning) then costs a few lines, not a second parse of it all
 * with every node located. The reads stop at the whole text's worth of tokens in all; later problems are located
 * in the tree, built once. Both give the same line and column: the token where the node starts.
 */
public final class SourceLocator implements Problems.Locator {

    private final Supplier<JsonNode> located;
    private final String text;
    private final JsonFactory factory;
    private long scanned;

    /** {@code located} gives the tree read with locations; it is asked only when a problem needs a position. */
    public SourceLocator(Supplier<JsonNode> located) {
        this(located, null, null);
    }

    /** As above, reading {@code text} with {@code factory} (the reader's own) first, while that stays cheap. */
    public SourceLocator(Supplier<JsonNode> located, String text, JsonFactory factory) {
        this.located = located;
        this.text = text;
        this.factory = factory;
    }

    @Override
    public int[] lineAndColumn(FieldPath path) {
        JsonLocation loc = scannable() ? scan(path.segments()) : inTree(path);
        if (loc == null) {
            return new int[] {1, 1};
        }
        return new int[] {Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr())};
    }

    private synchronized boolean scannable() {
        return text != null && scanned < text.length();
    }

    private JsonLocation inTree(FieldPath path) {
        JsonNode root = located.get();
        JsonNode node = root;
        JsonNode found = root;
        for (Object seg : path.segments()) {
            node = seg instanceof Integer i ? node.path(i) : node.path((String) seg);
            if (node.isMissingNode()) {
                break;
            }
            found = node;
        }
        return found == null ? null : JsonNodes.tokenStreamLocationOf(found);
    }

    private JsonLocation scan(List<Object> segments) {
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() == null) {
                return null;
            }
            JsonLocation at = descend(p, segments, 0);
            synchronized (this) {
                scanned += Math.max(1, p.currentLocation().getCharOffset());
            }
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // the text was read once without a fault
        }
    }

    /** {@code p} stands on the first token of the node at {@code segments[0, depth)}: the deepest node found. */
    private static JsonLocation descend(JsonParser p, List<Object> segments, int depth) throws IOException {
        JsonLocation here = p.currentTokenLocation();
        if (depth == segments.size()) {
            return here;
        }
        Object seg = segments.get(depth);
        if (p.currentToken() == JsonToken.START_OBJECT && seg instanceof String name) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean match = name.equals(p.currentName());
                p.nextToken();
                if (match) {
                    return descend(p, segments, depth + 1);
                }
                p.skipChildren();
            }
        } else if (p.currentToken() == JsonToken.START_ARRAY && seg instanceof Integer index) {
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                if (i == index) {
                    return descend(p, segments, depth + 1);
                }
                p.skipChildren();
            }
        }
        return here;
    }
}
