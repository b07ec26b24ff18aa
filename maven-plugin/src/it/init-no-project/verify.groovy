// init writes the starter, refuses to replace it, replaces it when forced; validate then names what is left.
def log = new File(basedir, 'build.log').text

assert !new File(basedir, 'pom.xml').exists()
assert log.count('Building Maven Stub Project (No POM)') == 4
assert log.count('BUILD SUCCESS') == 2
assert log.count('BUILD FAILURE') == 2
assert log =~ /(?m)^\[INFO\] dualstack: wrote .*site\.yaml: 17 value\(s\) to add, each marked TODO \(\d+\.\ds\)$/
assert log =~ /(?m)^\[ERROR\] .*dualstack refused: .*site\.yaml exists; init does not replace it unless asked to \(-Ddualstack\.force=true\)/
assert !log.contains('\tat io.github') : 'stack trace in the log'

def site = new File(basedir, 'site.yaml').text
assert site.startsWith('# yaml-language-server: $schema=https://dualstack.github.io/schemas/site.schema.json\n')
assert site.contains('\nmetadata:\n  name: plant-x\n') : 'the forced run with another name replaced the file'
assert site.contains('\n  baseline:\n    directory: baseline\n')
assert site.count('# TODO: ') == 17
// no staged file left beside it
assert basedir.list().findAll { it.startsWith('.site.yaml') }.isEmpty()

// validate names every value still missing: the edges' interfaces and the new family's values, at once
(1..4).each { i ->
    assert log =~ /(?m)^\[ERROR\] (.*\/)?site\.yaml:\d+:9: spec\.edge\.nodes\[${i - 1}\]\.interface: is required: .+$/
    assert log =~ /(?m)^\[ERROR\] (.*\/)?site\.yaml:\d+:\d+: spec\.edge\.nodes\[${i - 1}\]\.addresses\.ipv6: is required: .+$/
}
assert log =~ /(?m)^\[ERROR\] (.*\/)?site\.yaml:\d+:\d+: spec\.kubernetes\.podSubnets\.ipv6: is required: .+$/
assert log =~ /the site has 17 problem\(s\)/
return true
