// The baseline of samples/brownfield-kubeadm, copied rather than committed twice.
import java.nio.file.Files
import java.nio.file.Path

def from = Path.of(samplesDirectory, 'brownfield-kubeadm', 'baseline')
def to = new File(basedir, 'baseline').toPath()
Files.walk(from).withCloseable { walk ->
    walk.forEach { p ->
        def target = to.resolve(from.relativize(p).toString())
        if (Files.isDirectory(p)) {
            Files.createDirectories(target)
        } else {
            Files.copy(p, target)
        }
    }
}
assert !new File(basedir, 'site.yaml').exists()
return true
