package io.github.dualstack.core.check;

import static io.github.dualstack.core.check.GeneratedFiles.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.dualstack.core.plan.FileKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generated scripts: bash, strict mode, text rules. */
class ShellScriptsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "#!/bin/sh\\nset -euo pipefail\\n|line 1: must be #!/usr/bin/env bash or #!/bin/bash",
        "#!/usr/bin/env bash\\nset -e\\n|has no 'set -euo pipefail' line",
        "#!/usr/bin/env bash\\nset -euo pipefail|does not end with a newline",
        "#!/bin/bash\\r\\nset -euo pipefail\\r\\n|has a CR (\\r) line ending",
    })
    void scriptRules(String text, String expected) {
        String t = text.replace("\\n", "\n").replace("\\r", "\r");
        assertThat(failure("scripts/x.sh", t, FileKind.SCRIPT).getMessage()).contains(expected);
    }
}
