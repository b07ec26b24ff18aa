// Both problems, each on one located line, no stack trace, and nothing written.
def log = new File(basedir, 'build.log').text
// Run under the wrapper's Maven and again under the oldest supported one (pom.xml, execution oldest-maven).
assert log.contains("Apache Maven $mavenVersion ") : "not run by Maven $mavenVersion"

assert log.contains('BUILD FAILURE')
assert log =~ /(?m)^\[ERROR\] (.*\/)?site\.yaml:11:49: spec\.kubernetes\.serviceSubnets\.ipv6: prefix \/100 is too large; .+$/
assert log =~ /(?m)^\[ERROR\] (.*\/)?site\.yaml:41:27: spec\.edge\.nodes\[1\]\.addresses\.ipv4: duplicate address 192\.0\.2\.101, .+$/
assert log =~ /the site has 2 problem\(s\)/
assert log =~ /(?m)^\[INFO\] dualstack: 2 problem\(s\) in (.*\/)?site\.yaml; nothing written \(\d+\.\ds\)$/
assert !log.contains('\tat io.github') : 'stack trace in the log'

assert !new File(basedir, 'generated').exists() : 'generate wrote something for an invalid descriptor'
return true
