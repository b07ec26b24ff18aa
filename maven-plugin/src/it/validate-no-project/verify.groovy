// Two validate runs outside any project, each printing the resolved site of the descriptor it was given.
def log = new File(basedir, 'build.log').text
// Run under the wrapper's Maven and again under the oldest supported one (pom.xml, execution oldest-maven).
assert log.contains("Apache Maven $mavenVersion ") : "not run by Maven $mavenVersion"

assert !new File(basedir, 'pom.xml').exists()
assert log.count('Building Maven Stub Project (No POM)') == 2
assert log.count('BUILD SUCCESS') == 2

def sites = (log =~ /(?m)^\[INFO\] site:\s+(\S+) \((.+)\)$/).collect { [it[1], it[2]] }
assert sites*.getAt(0) == ['lab-v6', 'factory-east'] : "resolved-site summaries: $sites"
assert sites[1][1] == 'dual-stack, IPv4 primary'
assert log =~ /(?m)^\[INFO\] kubernetes:\s+v1\.31\.6 from registry\.k8s\.io/
assert log =~ /(?m)^\[INFO\] kubernetes:\s+v1\.32\.4 from registry\.k8s\.io/
assert log =~ /(?m)^\[INFO\] edge nodes:\s+2$/
assert log.count('[INFO] dualstack: descriptor is valid') == 2
// validate writes nothing.
assert !new File(basedir, 'generated').exists()
return true
