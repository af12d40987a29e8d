import java.util.zip.GZIPInputStream

File archive = new File(basedir, 'target/preflyte-tasks.tgz')
assert archive.isFile() : "no ${archive}"

List<String> names = []
new GZIPInputStream(new FileInputStream(archive)).withCloseable { input ->
  byte[] header = new byte[512]
  while (input.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
    names << new String(header, 0, 100, 'US-ASCII').replaceAll('\u0000.*$', '')
    long size = Long.parseLong(new String(header, 124, 12, 'US-ASCII').replaceAll('[\u0000 ]', ''), 8)
    input.skipNBytes(((size + 511).intdiv(512)) * 512)
  }
}
assert names == ['0_demo.hello_1.pb'] : "entries: ${names}"

String log = new File(basedir, 'build.log').text
assert log.contains('wrote 1 task to') : 'no summary in build.log'
return true
