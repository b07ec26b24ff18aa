package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problem;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.rules.CsvInjection;
import io.github.dualstack.core.rules.Printable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An edge inventory in CSV (RFC 4180 as spreadsheets and IPAM exports write it: a header row, commas, fields
 * quoted with {@code "} when they hold commas or quotes, {@code ""} for a quote, LF or CRLF line ends, an optional
 * UTF-8 byte order mark). Each row becomes a node shaped like {@code spec.edge.nodes[]}, so that the schema and the
 * rules see inventory nodes exactly as descriptor nodes; every problem is reported at its own line and column.
 *
 * <p>The file is untrusted: it must be UTF-8 without NUL or other control characters, rows have the header's
 * field count, fields are bounded, and no field may be a spreadsheet formula ({@link CsvInjection}).
 */
final class CsvInventory {

    /** The columns, as the header names them; name is the only one required. */
    enum Column {
        NAME("name"), INTERFACE("interface"), IPV4("ipv4"), IPV6("ipv6"), GROUP("group"), LABELS("labels");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        String header() {
            return header;
        }

        static Column of(String header) {
            for (Column c : values()) {
                if (c.header().equals(header)) {
                    return c;
                }
            }
            return null;
        }
    }

    static final int MAX_ROWS = 1_000_000;
    static final int MAX_COLUMNS = 64;
    /** Far longer than any value (a labels cell of 64 labels is under 25,000): a field beyond is not an inventory's. */
    static final int MAX_FIELD_CHARS = 32_768;

    /** The nodes read, and where each row and each of its fields stand. */
    record Rows(ArrayNode nodes, Column[] columns, int[] lines, int[] fieldColumns) {
    }

    private final Problems problems;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private CsvInventory(String text, Problems problems) {
        this.text = text;
        this.problems = problems;
    }

    /** The rows of {@code bytes}, or null after reporting every problem found in {@code problems}. */
    static Rows read(byte[] bytes, Problems problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.ERROR, "is not UTF-8 text; export the inventory as UTF-8 CSV");
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new CsvInventory(text, problems).rows();
    }

    private Rows rows() {
        List<String> header = new ArrayList<>();
        List<Integer> headerCols = new ArrayList<>();
        if (!record(header, headerCols)) {
            return null;
        }
        Column[] columns = columns(header, headerCols);
        if (columns == null) {
            return null;
        }
        ArrayNode nodes = JsonNodeFactory.instance.arrayNode();
        int[] lines = new int[1024];
        int[] fieldColumns = new int[1024 * columns.length];
        int rows = 0;
        boolean ok = true;
        List<String> fields = new ArrayList<>(columns.length);
        List<Integer> cols = new ArrayList<>(columns.length);
        while (pos < text.length()) {
            int rowLine = line;
            fields.clear();
            cols.clear();
            if (!record(fields, cols)) {
                return null;
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;   // a blank line, as exports leave at the end
            }
            if (rows == MAX_ROWS) {
                at(rowLine, 1, FieldPath.ROOT, "has more than " + MAX_ROWS + " rows; split the fleet into sites");
                return null;
            }
            if (fields.size() != columns.length) {
                at(rowLine, 1, FieldPath.ROOT, "has " + fields.size() + " fields, but the header names " + columns.length);
                ok = false;
                continue;
            }
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows * 2);
                fieldColumns = Arrays.copyOf(fieldColumns, rows * 2 * columns.length);
            }
            lines[rows] = rowLine;
            for (int c = 0; c < columns.length; c++) {
                fieldColumns[rows * columns.length + c] = cols.get(c);
            }
            ObjectNode node = node(columns, fields, cols, rowLine);
            ok &= node != null;
            nodes.add(node == null ? JsonNodeFactory.instance.objectNode() : node);
            rows++;
        }
        if (rows == 0 && ok) {
            at(line, 1, FieldPath.ROOT, "has a header but no rows: an inventory lists at least one edge node");
            return null;
        }
        return ok ? new Rows(nodes, columns, Arrays.copyOf(lines, rows), Arrays.copyOf(fieldColumns, rows * columns.length))
                : null;
    }

    private Column[] columns(List<String> header, List<Integer> cols) {
        if (header.size() > MAX_COLUMNS) {
            at(1, 1, FieldPath.ROOT, "the header names " + header.size() + " columns, more than " + MAX_COLUMNS);
            return null;
        }
        Column[] out = new Column[header.size()];
        Map<Column, Integer> seen = new HashMap<>();
        boolean ok = true;
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            Column c = Column.of(header.get(i));
            out[i] = c;
            if (c == null) {
                ignored.add(Printable.quote(header.get(i), 64));
            } else if (seen.putIfAbsent(c, i) != null) {
                at(1, cols.get(i), FieldPath.ROOT, "the header names column " + c.header() + " twice");
                ok = false;
            }
        }
        if (!seen.containsKey(Column.NAME)) {
            at(1, 1, FieldPath.ROOT, "the header has no name column; the columns are " + known());
            ok = false;
        }
        if (!ignored.isEmpty()) {
            problems.addAt(1, 1, FieldPath.ROOT, Problem.Severity.WARNING, "ignores the columns " + String.join(", ", ignored)
                    + "; the columns read are " + known());
        }
        return ok ? out : null;
    }

    private static String known() {
        return "name, interface, ipv4, ipv6, group and labels";
    }

    /** One node from a row; empty fields are left out: an empty address is discovered, the rest inherited. */
    private ObjectNode node(Column[] columns, List<String> fields, List<Integer> cols, int rowLine) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        boolean ok = true;
        for (int c = 0; c < columns.length; c++) {
            String v = fields.get(c);
            if (columns[c] == null || v.isEmpty()) {
                continue;
            }
            FieldPath path = FieldPath.ROOT.child(columns[c].header());
            String why = hostile(v);
            if (why != null) {
                at(rowLine, cols.get(c), path, why);
                ok = false;
                continue;
            }
            switch (columns[c]) {
                case IPV4, IPV6 -> node.withObject("/addresses").put(columns[c].header(), v);
                case LABELS -> ok &= labels(node.putObject("labels"), v, rowLine, cols.get(c), path);
                default -> node.put(columns[c].header(), v);
            }
        }
        return ok ? node : null;
    }

    /** {@code k=v;k=v}: the separators a spreadsheet cell can hold without quoting. */
    private boolean labels(ObjectNode into, String cell, int rowLine, int col, FieldPath path) {
        boolean ok = true;
        for (String item : cell.split(";", -1)) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                at(rowLine, col, path, "label " + Printable.quote(item, 64) + " is not key=value; write labels as k=v;k=v");
                ok = false;
            } else if (into.has(item.substring(0, eq))) {
                at(rowLine, col, path, "names label " + Printable.quote(item.substring(0, eq), 64) + " twice");
                ok = false;
            } else {
                into.put(item.substring(0, eq), item.substring(eq + 1));
            }
        }
        return ok;
    }

    /** Why a field is refused before any rule looks at it, or null. */
    private static String hostile(String v) {
        if (CsvInjection.isFormula(v)) {
            return "starts with " + Printable.quote(v.substring(0, 1), 1) + ", which a spreadsheet evaluates as a formula;"
                    + " an inventory holds plain values";
        }
        return null;
    }

    /**
     * Reads one record into {@code fields} (with the column each starts at) and the line end after it; false after
     * reporting a problem that leaves the rest of the file unreadable.
     */
    private boolean record(List<String> fields, List<Integer> cols) {
        StringBuilder field = new StringBuilder();
        while (true) {
            int fieldCol = pos - lineStart + 1;
            field.setLength(0);
            if (pos < text.length() && text.charAt(pos) == '"') {
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        at(line, fieldCol, FieldPath.ROOT, "a quoted field is not closed");
                        return false;
                    }
                    char ch = text.charAt(pos);
                    if (ch == '"') {
                        if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                            field.append('"');
                            pos += 2;
                            continue;
                        }
                        pos++;
                        break;
                    }
                    if (!allowed(ch, fieldCol, field)) {
                        return false;
                    }
                    pos++;
                }
                if (pos < text.length() && !atFieldEnd()) {
                    at(line, pos - lineStart + 1, FieldPath.ROOT, "text follows the closing quote of a field");
                    return false;
                }
            } else {
                while (pos < text.length() && !atFieldEnd()) {
                    char ch = text.charAt(pos);
                    if (ch == '"') {
                        at(line, pos - lineStart + 1, FieldPath.ROOT, "a quote inside an unquoted field; quote the field and double the quote");
                        return false;
                    }
                    if (!allowed(ch, fieldCol, field)) {
                        return false;
                    }
                    pos++;
                }
            }
            fields.add(field.toString());
            cols.add(fieldCol);
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            if (pos < text.length() && text.charAt(pos) == '\r') {
                pos++;
            }
            if (pos < text.length()) {
                pos++;   // the LF
            }
            line++;
            lineStart = pos;
            return true;
        }
    }

    private boolean atFieldEnd() {
        char ch = text.charAt(pos);
        return ch == ',' || ch == '\n' || (ch == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n');
    }

    /** Appends {@code ch} unless it is a control character (NUL, a line break inside quotes, an escape) or too many. */
    private boolean allowed(char ch, int fieldCol, StringBuilder field) {
        if (Printable.isControl(ch)) {
            at(line, pos - lineStart + 1, FieldPath.ROOT, (ch == '\n' || ch == '\r'
                    ? "a line break inside a quoted field" : "holds the control character " + Printable.escape(String.valueOf(ch)))
                    + "; an inventory row is one line of printable text");
            return false;
        }
        if (field.length() == MAX_FIELD_CHARS) {
            at(line, fieldCol, FieldPath.ROOT, "a field is longer than " + MAX_FIELD_CHARS + " characters");
            return false;
        }
        field.append(ch);
        return true;
    }

    private void at(int l, int c, FieldPath path, String message) {
        problems.addAt(l, c, path, Problem.Severity.ERROR, message);
    }
}
