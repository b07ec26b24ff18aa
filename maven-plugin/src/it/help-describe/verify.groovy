// help:describe -Ddetail and dualstack:help -Ddetail list every goal and parameter with the text of the plugin
// descriptor; the jar ships the m2e lifecycle metadata.
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').text
assert log.count('BUILD SUCCESS') == 2

def jar = new File(localRepositoryPath,
        "io/github/dualstack/dualstack-maven-plugin/$pluginVersion/dualstack-maven-plugin-${pluginVersion}.jar")
assert jar.isFile() : "plugin jar not staged: $jar"
def descriptor, m2e
new ZipFile(jar).withCloseable { zip ->
    descriptor = zip.getInputStream(zip.getEntry('META-INF/maven/plugin.xml')).text
    def entry = zip.getEntry('META-INF/m2e/lifecycle-mapping-metadata.xml')
    assert entry != null : 'META-INF/m2e/lifecycle-mapping-metadata.xml is not in the plugin jar'
    m2e = zip.getInputStream(entry).text
}

// The help plugin wraps lines and drops HTML; compare on words.
def plain = { String s ->
    s.replaceAll(/<[^>]+>/, ' ').replace('&lt;', '<').replace('&gt;', '>').replace('&amp;', '&')
            .replace('&quot;', '"').replace('&#39;', "'").replaceAll(/\s+/, ' ').trim()
}
def describe = log.substring(0, log.indexOf('BUILD SUCCESS'))
def help = log.substring(log.indexOf('BUILD SUCCESS'))
def flat = { String s -> s.readLines().collect { it.replaceFirst(/^\[INFO\] ?/, '') }.join(' ').replaceAll(/\s+/, ' ') }
def describeFlat = flat(describe)
def helpFlat = flat(help)

def plugin = new groovy.xml.XmlSlurper().parseText(descriptor)
def goals = plugin.mojos.mojo.collect { it.goal.text() }.sort()
assert goals == ['check', 'generate', 'help', 'init', 'validate']
def expected = [
        check   : ['descriptor', 'descriptors', 'maxDescriptorBytes', 'outputDirectory', 'siteOutputDirectory', 'skip',
                   'templateOverrides'],
        generate: ['descriptor', 'descriptors', 'force', 'maxDescriptorBytes', 'outputDirectory', 'selfCheck',
                   'siteOutputDirectory', 'skip', 'templateOverrides'],
        validate: ['descriptor', 'descriptors', 'maxDescriptorBytes', 'skip'],
        init    : ['baseline', 'descriptor', 'force', 'maxDescriptorBytes', 'name', 'skip'],
]
plugin.mojos.mojo.each { mojo ->
    def goal = mojo.goal.text()
    def text = plain(mojo.description.text())
    assert text : "dualstack:$goal has no description"
    assert describe.contains("dualstack:$goal")
    assert describeFlat.contains(text) : "help:describe lacks the description of $goal: $text"
    // (the help goal's own text has a <goal-name> placeholder that the two plugins print differently)
    assert goal == 'help' || helpFlat.contains(text) : "dualstack:help lacks the description of $goal: $text"
    def params = mojo.parameters.parameter.findAll { it.editable.text() != 'false' }
    if (expected[goal]) {
        assert params.collect { it.name.text() }.sort() == expected[goal]
    }
    params.each { p ->
        def name = p.name.text()
        def ptext = plain(p.description.text())
        assert ptext : "$goal/$name has no description"
        assert describeFlat.contains(ptext) : "help:describe lacks the description of $goal/$name: $ptext"
        assert helpFlat.contains(ptext) : "dualstack:help lacks the description of $goal/$name: $ptext"
    }
}
['descriptor', 'descriptors', 'outputDirectory', 'siteOutputDirectory', 'templateOverrides', 'skip', 'force',
 'maxDescriptorBytes', 'baseline', 'name', 'selfCheck'].each {
    assert describe.contains("User property: dualstack.$it")
}
assert describe =~ /descriptor \(Default: \$\{basedir\}\/site\.yaml\)/
assert describe =~ /outputDirectory \(Default: \$\{project\.basedir\}\/generated\)/
assert describe.contains('Goal Prefix: dualstack')
assert describe =~ /(?s)dualstack:check.*Bound to phase: verify/
assert describe =~ /(?s)dualstack:generate.*Bound to phase: generate-resources/

// m2e: both lifecycle goals are mapped.
def mapping = new groovy.xml.XmlSlurper().parseText(m2e)
def mapped = mapping.pluginExecutions.pluginExecution.pluginExecutionFilter.goals.goal*.text()
assert mapped.containsAll(['generate', 'check']) : "m2e mapping covers $mapped"
return true
