// check fails with a unified diff of the hand-edited file, says how to fix it, and writes nothing.
import java.nio.file.Files

def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
assert log =~ /(?m)^--- a\/cluster\/kubeedge\/cloudcore\.service\.yaml$/
assert log =~ /(?m)^\+\+\+ b\/cluster\/kubeedge\/cloudcore\.service\.yaml$/
assert log =~ /(?m)^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/
// The diff takes the hand edit away.
assert log =~ /(?m)^-    nodePort: 31000$/
assert log =~ /(?m)^\+    nodePort: 30000$/
assert log =~ /(?m)^-# edited by hand$/
// Only that file differs.
assert (log =~ /(?m)^--- /).size() == 1 : 'a diff for a file that was not edited'
assert log =~ /1 differ, 0 missing, 0 extra, \d+ up to date/
assert log.contains('Run: mvn dualstack:generate')
assert !log.contains('\tat io.github') : 'a stack trace for drift'

// check wrote nothing: the edited file is still the hand-edited one, and no staging area was left.
def edited = new File(basedir, 'generated/cluster/kubeedge/cloudcore.service.yaml')
assert edited.bytes.digest('SHA-256') == new File(basedir, 'edited.sha256').text
assert !new File(basedir, 'generated/.dualstack/staging').exists()
return true
