package dev.preflyte.samples.sql;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Takes the one file out of a zip, tar or tar.gz archive, with the JDK alone. Directories and the
 * metadata macOS adds ({@code __MACOSX/}, {@code ._*}) are not files of the archive; entry names are
 * never used as paths, so no entry can write outside the target.
 */
final class SingleFileArchive {

  private static final int BLOCK = 512;

  private SingleFileArchive() {}

  /**
   * Writes the archive's single file to {@code target}.
   *
   * @param source names the archive in messages
   * @throws InvalidDatabaseException if the archive is unreadable or holds no file or several
   */
  static void extract(Path archive, Compression compression, Path target, String source) throws IOException {
    List<String> files = new ArrayList<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
      switch (compression) {
        case ZIP -> extractZip(in, target, files);
        case TAR -> extractTar(in, target, files);
        case TAR_GZ -> extractTar(new GZIPInputStream(in, 1 << 16), target, files);
        case NONE -> throw new IllegalArgumentException("not an archive");
      }
    } catch (ZipException | EOFException | InvalidDatabaseException e) {
      throw new InvalidDatabaseException(source + " is not a readable " + name(compression) + " archive ("
          + e.getMessage() + "): set compression to how the file is packed", e);
    }
    if (files.isEmpty()) {
      throw new InvalidDatabaseException("the " + name(compression) + " archive " + source
          + " holds no file: put the SQLite database in it, or set compression to how the file is packed");
    }
    if (files.size() > 1) {
      throw new InvalidDatabaseException("the " + name(compression) + " archive " + source + " holds "
          + files.size() + " files (" + String.join(", ", files.subList(0, Math.min(5, files.size())))
          + (files.size() > 5 ? ", ..." : "") + "): it must hold exactly one SQLite database");
    }
  }

  private static void extractZip(InputStream in, Path target, List<String> files) throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
      if (!entry.isDirectory() && !isMetadata(entry.getName())) {
        keep(zip, entry.getName(), target, files);
      }
    }
  }

  private static void extractTar(InputStream in, Path target, List<String> files) throws IOException {
    byte[] header = new byte[BLOCK];
    String longName = null;
    while (readBlock(in, header)) {
      if (isZeros(header)) {
        break; // the end-of-archive blocks
      }
      if (!checksumMatches(header)) {
        throw new InvalidDatabaseException("tar header " + (files.size() + 1) + " has a wrong checksum");
      }
      long size = size(header);
      char type = (char) header[156];
      String name = longName != null ? longName : name(header);
      longName = null;
      if (type == 'L') { // GNU long name of the next entry
        longName = new String(readContent(in, size), StandardCharsets.UTF_8).replace("\0", "");
        continue;
      }
      if (type == 'x') { // pax extended header: only the path matters here
        longName = paxPath(new String(readContent(in, size), StandardCharsets.UTF_8));
        continue;
      }
      boolean regular = type == '0' || type == '\0' || type == '7';
      if (regular && !isMetadata(name)) {
        InputStream content = limited(in, size);
        keep(content, name, target, files);
        content.transferTo(OutputStream.nullOutputStream());
        skip(in, padding(size));
      } else {
        skip(in, size + padding(size));
      }
    }
  }

  /** The first file is written to {@code target}; later ones are only counted, for the message. */
  private static void keep(InputStream content, String name, Path target, List<String> files) throws IOException {
    files.add(name);
    if (files.size() == 1) {
      try (OutputStream out = Files.newOutputStream(target)) {
        content.transferTo(out);
      }
    }
  }

  private static boolean isMetadata(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return name.startsWith("__MACOSX/") || base.startsWith("._") || base.isEmpty();
  }

  private static String name(Compression compression) {
    return switch (compression) {
      case ZIP -> "zip";
      case TAR -> "tar";
      case TAR_GZ -> "tar.gz";
      case NONE -> "plain";
    };
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int read = in.readNBytes(block, 0, BLOCK);
    if (read == 0) {
      return false;
    }
    if (read < BLOCK) {
      throw new EOFException("the archive ends inside a tar header");
    }
    return true;
  }

  private static boolean isZeros(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean checksumMatches(byte[] header) {
    long stored = octal(header, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xFF);
    }
    return stored == sum;
  }

  private static String name(byte[] header) {
    String name = cString(header, 0, 100);
    boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    String prefix = ustar ? cString(header, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static long size(byte[] header) {
    if ((header[124] & 0x80) != 0) { // GNU base-256 for sizes of 8 GiB and more
      long size = 0;
      for (int i = 125; i < 136; i++) {
        size = (size << 8) | (header[i] & 0xFF);
      }
      return size;
    }
    return octal(header, 124, 12);
  }

  private static long octal(byte[] header, int offset, int length) {
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      byte b = header[i];
      if (b == 0 || b == ' ') {
        if (value != 0) {
          break;
        }
        continue;
      }
      if (b < '0' || b > '7') {
        throw new InvalidDatabaseException("a tar header holds a number that is not octal");
      }
      value = value * 8 + (b - '0');
    }
    return value;
  }

  private static String cString(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static String paxPath(String records) {
    for (String record : records.split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static byte[] readContent(InputStream in, long size) throws IOException {
    if (size > 1 << 20) {
      throw new InvalidDatabaseException("a tar extended header of " + size + " bytes is too large");
    }
    byte[] content = in.readNBytes((int) size);
    if (content.length < size) {
      throw new EOFException("the archive ends inside an entry");
    }
    skip(in, padding(size));
    return content;
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  private static void skip(InputStream in, long count) throws IOException {
    long left = count;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("the archive ends inside an entry");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** The next {@code size} bytes of {@code in}, failing if the archive ends before. */
  private static InputStream limited(InputStream in, long size) {
    return new InputStream() {
      private long left = size;

      @Override
      public int read() throws IOException {
        if (left == 0) {
          return -1;
        }
        int b = in.read();
        if (b < 0) {
          throw new EOFException("the archive ends inside an entry");
        }
        left--;
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left == 0) {
          return -1;
        }
        int read = in.read(buffer, offset, (int) Math.min(length, left));
        if (read < 0) {
          throw new EOFException("the archive ends inside an entry");
        }
        left -= read;
        return read;
      }
    };
  }
}
