package io.github.dualstack.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.FieldPath;
import io.github.dualstack.core.Problems;
import io.github.dualstack.core.fs.SafeFiles;
import io.github.dualstack.core.fs.TooLargeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The edge inventory a descriptor names ({@code spec.edge.inventory.file}): read from beside the descriptor as
 * untrusted input (inside the descriptor's directory, a regular file, no larger than the descriptor limit), its
 * nodes appended to {@code spec.edge.nodes} so that the schema, the binder and the rules treat them as descriptor
 * nodes, and a locator that reports a problem about one of them at its place in the inventory file.
 */
final class Inventory {

    static final FieldPath REFERENCE = FieldPath.ROOT.child("spec").child("edge").child("inventory").child("file");
    private static final FieldPath EDGE_NODES = FieldPath.ROOT.child("spec").child("edge").child("nodes");

    /** Where a field of the {@code row}th node of the inventory stands in its file, and its path there. */
    interface Rows {
        Problems.Place place(String file, int row, FieldPath inRow);
    }

    private Inventory() {
    }

    /** The file the descriptor at {@code shownDescriptor} names, as problems show it: beside the descriptor. */
    static String shown(String shownDescriptor, String file) {
        Path parent = Path.of(shownDescriptor).getParent();
        return parent == null ? file : parent.resolve(file).toString();
    }

    /**
     * Reads the inventory of {@code tree} (which names one) and appends its nodes; false after reporting why not,
     * problems of the reference in {@code descriptor}, those of the file in {@code file}.
     */
    static Rows merge(JsonNode tree, Path descriptorPath, long maxBytes, String limitOption, Problems descriptor,
                      Problems file) {
        String name = tree.at("/spec/edge/inventory/file").asText();
        byte[] bytes = read(descriptorPath, name, maxBytes, limitOption, descriptor);
        if (bytes == null) {
            return null;
        }
        ArrayNode into = ((ObjectNode) tree.at("/spec/edge")).withArray("/nodes");
        int first = into.size();
        Rows rows;
        if (name.endsWith(".csv")) {
            CsvInventory.Rows csv = CsvInventory.read(bytes, file);
            if (csv == null) {
                return null;
            }
            into.addAll(csv.nodes());
            rows = (f, row, inRow) -> csvPlace(f, csv, row, inRow);
        } else {
            rows = yaml(bytes, maxBytes, limitOption, file, into);
            if (rows == null) {
                return null;
            }
        }
        return (f, row, inRow) -> rows.place(f, row - first, inRow);
    }

    /**
     * A locator for the merged tree: the descriptor's own fields where they are, each inventory node in the
     * inventory file ({@code shownInventory}).
     */
    static Problems.Locator locator(Problems.Locator descriptor, int descriptorNodes, String shownInventory, Rows rows) {
        return new Problems.Locator() {
            @Override
            public int[] lineAndColumn(FieldPath path) {
                return descriptor.lineAndColumn(path);
            }

            @Override
            public Problems.Place place(String file, FieldPath path) {
                List<Object> s = path.segments();
                if (s.size() > 3 && path.segments().subList(0, 3).equals(EDGE_NODES.segments())
                        && s.get(3) instanceof Integer i && i >= descriptorNodes) {
                    FieldPath inRow = FieldPath.ROOT;
                    for (Object seg : s.subList(4, s.size())) {
                        inRow = seg instanceof Integer n ? inRow.index(n) : inRow.child((String) seg);
                    }
                    return rows.place(shownInventory, i, inRow);
                }
                return Problems.Locator.super.place(file, path);
            }
        };
    }

    /** The inventory's bytes, or null after reporting why they cannot be read in {@code descriptor}. */
    static byte[] read(Path descriptorPath, String name, long maxBytes, String limitOption, Problems descriptor) {
        Path base = descriptorPath.toAbsolutePath().normalize().getParent();
        Path file = base.resolve(name).normalize();
        if (Path.of(name).isAbsolute() || !file.startsWith(base)) {
            // the schema's pattern refuses these already; a second guard where the path is made
            descriptor.error(REFERENCE, "must be a file inside the descriptor's directory, like edges.csv");
            return null;
        }
        try {
            SafeFiles.Kind kind = SafeFiles.kind(file, true);
            if (kind == SafeFiles.Kind.ABSENT) {
                descriptor.error(REFERENCE, "the inventory " + name + " does not exist beside the descriptor");
                return null;
            }
            if (kind != SafeFiles.Kind.REGULAR) {
                descriptor.error(REFERENCE, "the inventory " + name + " " + kind.phrase() + ", not a regular file");
                return null;
            }
            Path real = file.toRealPath();
            if (!real.startsWith(base.toRealPath())) {
                descriptor.error(REFERENCE, "the inventory " + name + " leads through a symbolic link to " + real
                        + ", outside the descriptor's directory; it must be inside it");
                return null;
            }
            return SafeFiles.readInput(real, maxBytes);
        } catch (TooLargeException e) {
            descriptor.error(REFERENCE, "the inventory " + name + " is larger than " + maxBytes + " bytes, the descriptor"
                    + " limit; raise it with " + limitOption + " if the fleet is really that large");
            return null;
        } catch (IOException e) {
            descriptor.error(REFERENCE, "the inventory " + name + " cannot be read: " + SafeFiles.describe(e));
            return null;
        }
    }

    private static Problems.Place csvPlace(String file, CsvInventory.Rows csv, int row, FieldPath inRow) {
        List<Object> s = inRow.segments();
        String first = s.isEmpty() ? "" : (String) s.get(0);
        String column = "addresses".equals(first) && s.size() > 1 ? (String) s.get(1) : first;
        FieldPath shown = "addresses".equals(first) ? (s.size() > 1 ? FieldPath.ROOT.child(column) : FieldPath.ROOT) : inRow;
        CsvInventory.Column[] columns = csv.columns();
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != null && columns[c].header().equals(column)) {
                return new Problems.Place(file, csv.lines()[row], csv.fieldColumns()[row * columns.length + c], shown);
            }
        }
        return new Problems.Place(file, csv.lines()[row], 1, shown);
    }

    /** A YAML inventory: a mapping whose only key, nodes, lists nodes shaped like spec.edge.nodes. */
    private static Rows yaml(byte[] bytes, long maxBytes, String limitOption, Problems file, ArrayNode into) {
        StrictYamlReader.Reading reading = new StrictYamlReader(maxBytes, limitOption).read(bytes, file);
        if (reading == null || file.hasErrors()) {
            return null;
        }
        JsonNode tree = reading.tree();
        SourceLocator located = new SourceLocator(reading::locatedTree);
        Problems shape = new Problems(file.file(), located);
        if (!tree.isObject() || tree.size() != 1 || !tree.path("nodes").isArray() || tree.path("nodes").isEmpty()) {
            shape.error(FieldPath.ROOT, "an inventory is a mapping with one key, nodes: a list of edge nodes shaped like spec.edge.nodes");
            shape.list().forEach(p -> file.addAt(p.line(), p.column(), FieldPath.ROOT, p.severity(), p.message()));
            return null;
        }
        tree.path("nodes").forEach(into::add);
        FieldPath nodes = FieldPath.ROOT.child("nodes");
        return (f, row, inRow) -> {
            FieldPath path = nodes.index(row).append(inRow);
            int[] lc = located.lineAndColumn(path);
            return new Problems.Place(f, lc[0], lc[1], path);
        };
    }

    /** The inventory the tree names, if any. */
    static Optional<String> named(JsonNode tree) {
        JsonNode f = tree.at("/spec/edge/inventory/file");
        return f.isTextual() ? Optional.of(f.asText()) : Optional.empty();
    }
}
