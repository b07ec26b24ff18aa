package io.github.dualstack.core.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the tree goes, for the rules that depend on it: paths in the descriptor that the generated files name
 * relative to the tree ({@code calico.base}, relative to {@code cluster/}) must stay inside the repository, which
 * is the nearest directory above the tree holding {@code .git} (a directory, or a worktree's file), or, outside
 * any git checkout, the nearest directory that holds both the descriptor and the tree.
 */
public record Placement(Path clusterDirectory, Path repositoryRoot) {

    public static Placement of(Path outputDirectory, Path descriptor) {
        Path out = outputDirectory.toAbsolutePath().normalize();
        for (Path p = out; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return new Placement(out.resolve("cluster"), p);
            }
        }
        Path common = descriptor.toAbsolutePath().normalize();
        while (common != null && !out.startsWith(common)) {
            common = common.getParent();
        }
        return new Placement(out.resolve("cluster"), common == null ? out.getRoot() : common);
    }

    /** Whether {@code relative}, resolved against cluster/, stays in the repository, links on the way included. */
    boolean containsFromCluster(String relative) {
        Path target = clusterDirectory.resolve(relative).normalize();
        if (!target.startsWith(repositoryRoot)) {
            return false;
        }
        try {
            return !Files.exists(target) || target.toRealPath().startsWith(repositoryRoot.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
