package io.github.dualstack.core.write;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A unified diff between two versions of a text file, as git and diff -u print it. */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    /** {@code --- a/path} ... for what is on disk (null: missing) against what would be written (null: removed). */
    public static String of(String path, byte[] onDisk, byte[] wanted) {
        List<String> a = lines(onDisk);
        List<String> b = lines(wanted);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(onDisk == null ? "/dev/null" : "a/" + path,
                wanted == null ? "/dev/null" : "b/" + path, a, patch, 3);
        return String.join("\n", out) + "\n";
    }

    private static List<String> lines(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return List.of();
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return Arrays.asList(s.split("\n", -1));
    }
}
