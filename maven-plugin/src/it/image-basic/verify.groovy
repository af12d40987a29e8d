File folder = new File(basedir, 'target/preflyte-image/greet')
File dockerfile = new File(folder, 'Dockerfile')
assert dockerfile.isFile() : "no ${dockerfile}"
String text = dockerfile.text
assert text.contains('FROM eclipse-temurin:17-jre\n') : text
assert text.contains('docker build -t registry.example:5000/greet:1.1 .') : 'image not replaced: ' + text
assert text.contains('RUN --mount=type=bind,source=training-inputs,target=/tmp/preflyte-training-inputs'
    + ' ["preflyte-train", "--inputs", "/tmp/preflyte-training-inputs"]') : text
assert new File(folder, 'training-inputs/demo.hello.pb').bytes == new File(basedir, 'training-inputs/demo.hello.pb').bytes
assert new File(folder, 'training-inputs/data/greetings.txt').text == 'Hello\n'
assert new File(folder, '.dockerignore').text.contains('!training-inputs\n')
assert !text.contains('ENTRYPOINT') : text

// The project's classes are the task layer, its own dependencies the layer before it; Preflyte's
// jars come with the distribution and are not copied again.
assert new File(folder, 'tasks').list().toList() == ['classes-1.jar'] : new File(folder, 'tasks').list()
assert new File(folder, 'dependencies').list().toList() == ['preflyte-annotations-' + projectVersion + '.jar'] :
    new File(folder, 'dependencies').list()
assert new File(folder, 'distribution/bin/preflyte-execute').canExecute()
assert new File(folder, 'distribution/lib/preflyte-api-' + projectVersion + '.jar').isFile()

String log = new File(basedir, 'build.log').text
assert log.contains('wrote ') && log.contains(' for registry.example:5000/greet:1.1 (1 task, 1 run on training inputs)') : 'no summary in build.log'
return true
