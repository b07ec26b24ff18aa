// The override changes the files it renders and nothing else.
import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'generated')
def bundled = new File(basedir, 'target/bundled')
def marker = '# it-marker: rendered from the template override in templates/sysctl.conf.ftl'
def sysctl = 'nodes/master-1/etc/sysctl.d/99-dualstack.conf'

assert log.contains('BUILD SUCCESS')

def overridden = new File(out, sysctl).text
assert overridden.readLines().contains(marker)
def plain = new File(bundled, sysctl).text
assert !plain.contains('it-marker')
assert overridden.readLines() - [marker] == plain.readLines() : 'the override should add the marker line only'

// Every other file is the bundled output, byte for byte; both trees hold the same files.
def files = { File root ->
    def list = []
    root.eachFileRecurse(groovy.io.FileType.FILES) { list << root.toPath().relativize(it.toPath()).toString() }
    list.findAll { !it.startsWith('.dualstack/') }.sort()
}
assert files(out) == files(bundled)
assert files(out).size() > 10
files(out).findAll { it != sysctl }.each {
    assert new File(out, it).bytes == new File(bundled, it).bytes : "$it differs from the bundled output"
}

// check with the same overrides found the tree up to date.
assert log =~ /(?m)^\[INFO\] dualstack: \d+ files up to date/
return true
