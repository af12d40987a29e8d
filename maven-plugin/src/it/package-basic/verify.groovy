import java.util.zip.GZIPInputStream

File archive = new File(basedir, 'target/preflyte-tasks.tgz')
assert archive.isFile() : "no ${archive}"

List<String> names = []
List<String> contents = []
new GZIPInputStream(new FileInputStream(archive)).withCloseable { input ->
  byte[] header = new byte[512]
  while (input.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
    names << new String(header, 0, 100, 'US-ASCII').replaceAll('\u0000.*$', '')
    long size = Long.parseLong(new String(header, 124, 12, 'US-ASCII').replaceAll('[\u0000 ]', ''), 8)
    byte[] content = input.readNBytes((int) size)
    contents << new String(content, 'ISO-8859-1')
    input.skipNBytes(((size + 511).intdiv(512)) * 512 - size)
  }
}
assert names == ['0_demo.hello_1.pb'] : "entries: ${names}"
assert contents[0].contains('registry.example:5000/greet@sha256:0123') : 'image not replaced'
assert contents[0].contains('demo.hello') && contents[0].contains('1.0') : 'task id missing'

String log = new File(basedir, 'build.log').text
assert log.contains('wrote 1 task to') : 'no summary in build.log'
return true
