package dev.preflyte.idl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the regular files of a gzip-compressed tar archive into memory: enough for the small
 * {@code pyflyte package} archives the tests read, without a compression library.
 *
 * <p>Format: 512-byte headers (name at 0..100, size in octal at 124..136, type flag at 156, ustar
 * name prefix at 345..500), each followed by the file's bytes padded to 512; two zero blocks end it.
 * A pax extended header ({@code x}) or GNU long name ({@code L}) may give the next entry's name.
 */
public final class TarArchive {

  private static final int BLOCK = 512;

  private TarArchive() {}

  /** Every regular file of the archive, by its path inside the archive, in archive order. */
  public static Map<String, byte[]> readTarGz(InputStream compressed) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (InputStream in = new GZIPInputStream(compressed)) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      while (readBlock(in, header)) {
        if (isZero(header)) {
          break;
        }
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        if (!prefix.isEmpty() && isUstar(header)) {
          name = prefix + "/" + name;
        }
        long size = octal(header, 124, 12, name);
        byte type = header[156];
        byte[] content = readContent(in, size, name);
        if (type == 'x') {
          longName = paxPath(content);
        } else if (type == 'L') {
          longName = text(content, 0, content.length);
        } else {
          if (longName != null) {
            name = longName;
            longName = null;
          }
          if (type == '0' || type == 0) {
            files.put(name, content);
          }
        }
      }
    }
    return files;
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int read = in.readNBytes(block, 0, BLOCK);
    if (read == 0) {
      return false;
    }
    if (read < BLOCK) {
      throw new IOException("tar archive is truncated: a header block has " + read + " of 512 bytes");
    }
    return true;
  }

  private static byte[] readContent(InputStream in, long size, String name) throws IOException {
    if (size > Integer.MAX_VALUE - BLOCK) {
      throw new IOException("tar entry " + name + " is too large to read into memory: " + size + " bytes");
    }
    int padded = (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
    byte[] data = in.readNBytes(padded);
    if (data.length < padded) {
      throw new IOException("tar entry " + name + " is truncated: " + data.length + " of " + padded + " bytes");
    }
    ByteArrayOutputStream content = new ByteArrayOutputStream((int) size);
    content.write(data, 0, (int) size);
    return content.toByteArray();
  }

  /** The {@code path} record of a pax extended header ({@code "<length> path=<name>\n"}), if any. */
  private static String paxPath(byte[] records) {
    for (String record : new String(records, StandardCharsets.UTF_8).split("\n")) {
      int space = record.indexOf(' ');
      if (space > 0 && record.startsWith("path=", space + 1)) {
        return record.substring(space + 1 + "path=".length());
      }
    }
    return null;
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUstar(byte[] header) {
    return text(header, 257, 5).equals("ustar");
  }

  private static String text(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static long octal(byte[] header, int offset, int length, String name) throws IOException {
    String digits = text(header, offset, length).trim();
    if (digits.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(digits, 8);
    } catch (NumberFormatException e) {
      throw new IOException("tar entry " + name + " has a size that is not octal: '" + digits + "'", e);
    }
  }
}
