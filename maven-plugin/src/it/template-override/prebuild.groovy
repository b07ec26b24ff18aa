// templates/sysctl.conf.ftl: the bundled template with one marker line added, made from the core jar on the
// script class path (addTestClassPath), so the override never drifts from the template it replaces.
def name = 'sysctl.conf.ftl'
def bundled = this.class.classLoader.getResource("io/github/dualstack/templates/$name")
assert bundled != null : "bundled template $name not found"
def dir = new File(basedir, 'templates')
dir.mkdirs()
new File(dir, name).text = '# it-marker: rendered from the template override in templates/sysctl.conf.ftl\n' + bundled.text
return true
