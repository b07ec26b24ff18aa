package io.github.dualstack.core.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dualstack.core.fs.SafeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The commit record of one run, written before the first file of the tree changes: which staged files replace
 * which paths, which paths go, and the new manifest (staged too). Replaying it is idempotent, so a run killed
 * at any instant is completed by the next one. A journal found in a tree is untrusted like the manifest: it is
 * replayed only when it is consistent with both manifests ({@link #whyNotConsistent}).
 */
record Journal(List<String> renames, List<String> deletes) {

    static final String PATH = TreeLayout.JOURNAL;
    static final String STAGED_MANIFEST = TreeLayout.STAGED_MANIFEST;
    private static final ObjectMapper JSON = new ObjectMapper();

    byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        renames.forEach(root.putArray("renames")::add);
        deletes.forEach(root.putArray("deletes")::add);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves every staged file into place, removes the deletes, installs the staged manifest, then forgets the
     * journal and the in-progress marker. Every step is idempotent, so a replay after a kill finishes the same tree.
     * Only a {@code replay} looks for each staged file first: the run that staged them knows they are all there.
     */
    void apply(OutputRoot root, Disk disk, boolean replay) throws IOException {
        // The renames are independent and mostly in different directories, so they run on every core; the order
        // does not matter, as a replay after a kill finishes whichever are left. A failed rename is held until every
        // other one has ended: thrown from inside, it would return while renames still run on other threads.
        AtomicReference<IOException> failed = new AtomicReference<>();
        renames.parallelStream().forEach(path -> {
            if (failed.get() != null) {
                return;
            }
            try {
                Path to = name(root, path);
                Path from = TreeLayout.newFileFor(to);
                if (!replay || SafeFiles.kind(from) == SafeFiles.Kind.REGULAR) {   // else moved before the kill
                    disk.move(from, to);
                }
            } catch (IOException e) {
                failed.compareAndSet(null, e);
            } catch (UncheckedIOException e) {
                failed.compareAndSet(null, e.getCause());
            }
        });
        if (failed.get() != null) {
            throw failed.get();
        }
        for (String path : deletes) {
            Path target = resolve(root, path);
            disk.delete(target);
            pruneEmptyParents(root.root(), disk, target.getParent());
        }
        Path stagedManifest = root.meta(STAGED_MANIFEST);
        if (SafeFiles.kind(stagedManifest) == SafeFiles.Kind.REGULAR) {
            disk.move(stagedManifest, root.meta(TreeLayout.MANIFEST));
        }
        disk.delete(root.meta(PATH));
        disk.delete(root.meta(TreeLayout.IN_PROGRESS));
    }

    private static Path resolve(OutputRoot root, String path) throws IOException {
        try {
            return root.resolve(path);
        } catch (WriteRefusedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Path name(OutputRoot root, String path) throws IOException {
        try {
            return root.name(path);
        } catch (WriteRefusedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void pruneEmptyParents(Path rootDir, Disk disk, Path dir) throws IOException {
        while (dir != null && dir.startsWith(rootDir) && !dir.equals(rootDir)) {
            try {
                disk.delete(dir);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            }
            dir = dir.getParent();
        }
    }

    /** Parses; {@link IllegalArgumentException} says in one line what is wrong. */
    static Journal parse(byte[] bytes) {
        JsonNode root = MetadataJson.object(bytes, "\"renames\" list");
        if (!root.path("renames").isArray()) {
            throw new IllegalArgumentException("no \"renames\" list");
        }
        return new Journal(strings(root.path("renames")), strings(root.path("deletes")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("an entry is not a path");
            }
            out.add(n.asText());
        }
        return out;
    }

    /**
     * Why this journal must not be replayed over a tree whose committed manifest is {@code current}, with
     * {@code staged} the manifest it commits: every path a generated one, every rename a file of the staged
     * manifest, every delete a file of the current manifest that the staged one no longer has.
     */
    Optional<String> whyNotConsistent(Manifest current, Manifest staged) {
        for (String p : renames) {
            Optional<String> why = TreeLayout.whyNotGenerated(p);
            if (why.isPresent()) {
                return Optional.of("it renames " + Manifest.quoted(p) + ", which " + why.get());
            }
            if (!staged.owns(p)) {
                return Optional.of("it renames " + Manifest.quoted(p) + ", which the staged manifest does not list");
            }
        }
        for (String p : deletes) {
            if (!current.owns(p) || staged.owns(p)) {
                return Optional.of("it deletes " + Manifest.quoted(p) + ", which is not a file the commit removes");
            }
        }
        return Optional.empty();
    }
}
