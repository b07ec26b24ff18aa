// The three builds of invoker.properties share build.log.
def log = new File(basedir, 'build.log').text
// Run under the wrapper's Maven and again under the oldest supported one (pom.xml, execution oldest-maven).
assert log.contains("Apache Maven $mavenVersion ") : "not run by Maven $mavenVersion"

def builds = log.split(/(?m)^\[INFO\] BUILD (?:SUCCESS|FAILURE)$/)
assert log.count('BUILD FAILURE') == 1 && log.count('BUILD SUCCESS') == 2
def (stale, regenerate, fresh) = builds

// 1. Every site is named, in order, before its own lines; plant-b's drift is shown and named as the failure.
def headers = (stale =~ /(?m)^\[INFO\] dualstack: site (\S+)$/).collect { it[1] }
assert headers == ['sites/plant-a/site.yaml', 'sites/plant-b/site.yaml', 'sites/plant-c/site.yaml']
def perSite = stale.split(/(?m)^\[INFO\] dualstack: site \S+$/)
assert perSite[1] =~ /(?m)^\[INFO\] dualstack: \d+ files up to date/
assert perSite[2].contains('nodeLimit: 5000') : 'plant-b: the diff shows the new value'
assert perSite[2] =~ /(?m)^\[ERROR\] dualstack: sites\/plant-b\/site\.yaml: 1 differ, 0 missing, 0 extra, \d+ up to date .*the generated tree is stale/
assert perSite[3] =~ /(?m)^\[INFO\] dualstack: \d+ files up to date/
assert stale =~ /(?m)^\[INFO\] dualstack: 3 site\(s\): 2 ok, 1 failed \(sites\/plant-b\/site\.yaml\) \(\d+\.\ds\)$/
assert log =~ /(?m)^\[ERROR\] Failed to execute goal .*: dualstack: 1 of 3 site\(s\) failed, listed above: sites\/plant-b\/site\.yaml/

// 2. generate rewrites plant-b's tree alone.
def written = (regenerate =~ /(?m)^\[INFO\] dualstack: (\d+) written, (\d+) unchanged, 0 removed/).collect { it[1] as int }
assert written.size() == 3 && written[0] == 0 && written[1] > 0 && written[2] == 0 : written
assert new File(basedir, 'sites/plant-b/generated/cluster/kubeedge/cloudcore.configmap.yaml').text.contains('5000')

// 3. check passes for all three.
assert fresh =~ /(?m)^\[INFO\] dualstack: 3 site\(s\): 3 ok, 0 failed \(\d+\.\ds\)$/
return true
