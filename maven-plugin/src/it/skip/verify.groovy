// dualstack.skip: both goals say so and do nothing.
def log = new File(basedir, 'build.log').text

assert log.contains('BUILD SUCCESS')
assert log.count('[INFO] dualstack: skipped (dualstack.skip)') == 2 : 'generate and check should both report the skip'
assert !(log =~ /\d+ written, \d+ unchanged/)
assert !new File(basedir, 'generated').exists()
return true
