package io.github.dualstack.core.check;

import java.util.Set;

/** Generated scripts: bash, and stopping at the first failing command, unset variable or failing pipe. */
final class ShellScripts {

    private static final Set<String> SHEBANGS = Set.of("#!/usr/bin/env bash", "#!/bin/bash");

    private ShellScripts() {
    }

    static void check(String text, Findings out) {
        TextHygiene.check(text, false, out);
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        if (!SHEBANGS.contains(first)) {
            out.add("line 1: must be #!/usr/bin/env bash or #!/bin/bash, got " + Values.quote(first));
        }
        boolean strict = text.lines().map(String::strip)
                .anyMatch(l -> l.equals("set -euo pipefail") || l.startsWith("set -euo pipefail ")
                        || l.startsWith("set -euo pipefail;"));
        if (!strict) {
            out.add("has no 'set -euo pipefail' line");
        }
    }
}
