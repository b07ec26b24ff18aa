package io.github.dualstack.core.write;

import io.github.dualstack.core.fs.SafeFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an interrupted earlier run left, dealt with before anything else while the lock is held: a journal is
 * replayed (the commit had begun, so the new tree is completed), staged files without one are deleted (the commit
 * had not begun, so the previous tree stands). A journal or staged manifest that does not hold together is
 * refused with the commands that repair the tree, never replayed: both are files in a tree that anybody may have
 * edited.
 */
final class Recovery {

    /** A journal lists at most every file of a tree twice; far below a heap's worth. */
    private static final long MAX_JOURNAL_BYTES = 2 * Manifest.MAX_BYTES;

    private Recovery() {
    }

    /** What was recovered, in one sentence, or "" when the tree was clean. */
    static String run(OutputRoot root, Disk disk, String generateCommand) throws IOException, WriteRefusedException {
        removeTemporaryFiles(root, disk);
        Path journalPath = root.meta(TreeLayout.JOURNAL);
        if (SafeFiles.kind(journalPath) != SafeFiles.Kind.ABSENT) {
            return replay(root, disk, journalPath, generateCommand);
        }
        boolean leftovers = SafeFiles.kind(root.meta(TreeLayout.IN_PROGRESS)) != SafeFiles.Kind.ABSENT
                || SafeFiles.kind(root.meta(TreeLayout.STAGED_MANIFEST)) != SafeFiles.Kind.ABSENT;
        if (!leftovers) {
            return "";
        }
        int removed = discardStagedFiles(root, disk);
        disk.delete(root.meta(TreeLayout.STAGED_MANIFEST));
        disk.delete(root.meta(TreeLayout.IN_PROGRESS));
        return "discarded " + removed + " new file(s) of an interrupted earlier run (it had changed nothing)";
    }

    private static String replay(OutputRoot root, Disk disk, Path journalPath, String generateCommand)
            throws IOException, WriteRefusedException {
        Journal journal;
        Optional<Manifest> staged;
        Manifest current;
        try {
            journal = Journal.parse(SafeFiles.readInTree(journalPath, MAX_JOURNAL_BYTES));
            staged = Manifest.read(root.root(), TreeLayout.STAGED_MANIFEST);
            current = Manifest.read(root.root());
        } catch (IllegalArgumentException | io.github.dualstack.core.fs.NotRegularFileException
                 | io.github.dualstack.core.fs.TooLargeException e) {
            throw damaged(root, e.getMessage(), generateCommand);
        } catch (WriteRefusedException e) {
            throw damaged(root, e.getMessage(), generateCommand);
        }
        if (staged.isEmpty()) {
            // The staged manifest is installed last: without it every rename and delete was already done.
            disk.delete(journalPath);
            disk.delete(root.meta(TreeLayout.IN_PROGRESS));
            int removed = discardStagedFiles(root, disk);
            return "completed an interrupted earlier run from its journal (it had moved every file into place"
                    + (removed > 0 ? "; " + removed + " stray new file(s) removed" : "") + ")";
        }
        Optional<String> why = journal.whyNotConsistent(current, staged.get());
        if (why.isPresent()) {
            throw damaged(root, TreeLayout.JOURNAL + " does not match the manifests: " + why.get(), generateCommand);
        }
        journal.apply(root, disk, true);
        return "completed an interrupted earlier run from its journal (" + journal.renames().size()
                + " files moved into place, " + journal.deletes().size() + " removed)";
    }

    private static WriteRefusedException damaged(OutputRoot root, String why, String generateCommand) {
        return new WriteRefusedException(root.root().toString(), Refusal.Reason.DAMAGED_METADATA, "an earlier run was interrupted while committing"
                + " and what it left is damaged (" + why + "), so it is not replayed. Delete "
                + root.meta(TreeLayout.JOURNAL) + " and " + root.meta(TreeLayout.STAGED_MANIFEST) + ", then run "
                + generateCommand + " again (it removes the staged files and refuses any file it cannot vouch for)");
    }

    /** A run killed while writing a marker, the journal or the stat cache leaves a temporary file: garbage. */
    private static void removeTemporaryFiles(OutputRoot root, Disk disk) throws IOException {
        try (Stream<Path> meta = Files.list(root.meta(TreeLayout.META))) {
            for (Path tmp : meta.filter(f -> f.getFileName().toString().endsWith(TreeLayout.TMP_SUFFIX)).toList()) {
                disk.delete(tmp);
            }
        }
    }

    /** Deletes every staging name in the tree (its name only: a link there is removed, never followed). */
    private static int discardStagedFiles(OutputRoot root, Disk disk) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root.root(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skip = !dir.equals(root.root()) && dir.getParent().equals(root.root())
                        && TreeLayout.whyNotGenerated(dir.getFileName().toString()).isPresent();
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;   // .dualstack, .git
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (TreeLayout.isStagingName(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path p : found) {
            disk.delete(p);
        }
        return found.size();
    }
}
