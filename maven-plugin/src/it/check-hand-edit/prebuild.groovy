// The committed tree of a GitOps repository, made here rather than committed under src/it: the files carry the
// generator's version in their header, so a committed copy would go stale with every version bump.
// The core is on the script class path (addTestClassPath); generate and check make the same core call.
import io.github.dualstack.core.Dualstack
import io.github.dualstack.core.Request
import java.nio.file.Files

def out = new File(basedir, 'generated').toPath()
def report = Dualstack.generate(Request.Generate.of(new File(basedir, 'site.yaml').toPath(), out))
assert report.ok() : report.summary()

// The hand edit: a comment line added and the websocket nodePort changed.
def edited = out.resolve('cluster/kubeedge/cloudcore.service.yaml')
def text = Files.readString(edited)
assert text.contains('    nodePort: 30000\n')
text = text.replace('    nodePort: 30000\n', '    nodePort: 31000\n') + '# edited by hand\n'
Files.writeString(edited, text)
new File(basedir, 'edited.sha256').text = Files.readAllBytes(edited).digest('SHA-256')
return true
