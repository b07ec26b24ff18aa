// Both builds of invoker.properties share build.log: the first writes the tree, the second writes nothing.
def log = new File(basedir, 'build.log').text
// Run under the wrapper's Maven and again under the oldest supported one (pom.xml, execution oldest-maven).
assert log.contains("Apache Maven $mavenVersion ") : "not run by Maven $mavenVersion"
def out = new File(basedir, 'generated')

['cluster/kustomization.yaml',
 'edge/edge-0001/etc/kubeedge/config/edgecore.yaml',
 'edge/edge-0002/etc/kubeedge/config/edgecore.yaml',
 'nodes/master-1/etc/sysctl.d/99-dualstack.conf',
 '.dualstack/manifest.json'].each {
    assert new File(out, it).isFile() : "missing generated/$it"
}

// The summary line of every generate run, in order.
def summaries = (log =~ /(?m)^\[INFO\] dualstack: (\d+) written, (\d+) unchanged, (\d+) removed \(\d+\.\ds\)$/)
        .collect { it }
assert summaries.size() == 2 : "expected one generate summary per build, found ${summaries*.getAt(0)}"
def (first, second) = summaries
assert (first[1] as int) > 0 && (first[2] as int) == 0 && (first[3] as int) == 0 : first[0]
assert (second[1] as int) == 0 : "the second build rewrote files: ${second[0]}"
assert (second[2] as int) == (first[1] as int) : "second build: ${second[0]}, first: ${first[0]}"
assert (second[3] as int) == 0 : second[0]

// check passed twice, saying how many files it compared.
def checks = (log =~ /(?m)^\[INFO\] dualstack: (\d+) files up to date \(\d+\.\ds\)$/).collect { it }
assert checks.size() == 2 : "expected two check summaries, found ${checks*.getAt(0)}"
assert checks.every { (it[1] as int) == (first[1] as int) } : checks*.getAt(0)

// The summary is the last line each goal prints: the next line belongs to Maven or the next goal.
def lines = log.readLines()
lines.findIndexValues { it ==~ /\[INFO\] dualstack: .*\(\d+\.\ds\)/ }.each { i ->
    def next = lines[(int) i + 1]
    assert !next.startsWith('[INFO] dualstack') && !next.startsWith('[WARNING]') && !next.startsWith('[ERROR]') :
            "output after the summary: $next"
}

assert !log.contains('[ERROR]')
assert log.count('BUILD SUCCESS') == 2
return true
