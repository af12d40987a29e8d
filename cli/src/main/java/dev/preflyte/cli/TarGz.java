package dev.preflyte.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes gzip-compressed tar archives of small regular files. Writes a ustar archive of regular files, deterministically: the entries in the
 * order given, modification time 0, owner 0/0 with no names, mode 0644, and a gzip header without
 * time or file name. A name longer than 100 bytes gets a pax header ({@code path=...}).
 */
final class TarGz {

  private static final int BLOCK = 512;

  private TarGz() {}

  static void write(OutputStream target, Map<String, byte[]> files) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(target);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
      if (name.length > 100) {
        byte[] record = paxRecord("path", file.getKey());
        gzip.write(header("PaxHeaders/" + shortName(file.getKey()), record.length, (byte) 'x'));
        writePadded(gzip, record);
        gzip.write(header(shortName(file.getKey()), file.getValue().length, (byte) '0'));
      } else {
        gzip.write(header(file.getKey(), file.getValue().length, (byte) '0'));
      }
      writePadded(gzip, file.getValue());
    }
    gzip.write(new byte[2 * BLOCK]);
    gzip.finish();
  }

  private static String shortName(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    return new String(bytes, bytes.length - 80, 80, StandardCharsets.US_ASCII).replaceAll("[^ -~]", "_");
  }

  private static byte[] paxRecord(String key, String value) {
    String body = " " + key + "=" + value + "\n";
    int length = body.getBytes(StandardCharsets.UTF_8).length;
    int total = length + String.valueOf(length).length();
    if (String.valueOf(total).length() != String.valueOf(length).length()) {
      total++;
    }
    return (total + body).getBytes(StandardCharsets.UTF_8);
  }

  private static void writePadded(OutputStream out, byte[] content) throws IOException {
    out.write(content);
    int rest = content.length % BLOCK;
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }

  private static byte[] header(String name, long size, byte type) {
    byte[] header = new byte[BLOCK];
    put(header, 0, 100, name.getBytes(StandardCharsets.UTF_8));
    octal(header, 100, 8, 0644);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, size);
    octal(header, 136, 12, 0);
    header[156] = type;
    put(header, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
    put(header, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    byte[] checksum = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(checksum, 0, header, 148, 8);
    return header;
  }

  private static void put(byte[] header, int offset, int length, byte[] value) {
    System.arraycopy(value, 0, header, offset, Math.min(length, value.length));
  }

  private static void octal(byte[] header, int offset, int length, long value) {
    String digits = String.format("%0" + (length - 1) + "o", value);
    put(header, offset, length - 1, digits.getBytes(StandardCharsets.US_ASCII));
    header[offset + length - 1] = 0;
  }

  /**
   * Every regular file of a gzip-compressed tar archive, by path, in archive order (ustar prefixes,
   * pax {@code path} records and GNU long names honoured).
   */
  static Map<String, byte[]> read(java.io.InputStream compressed) throws IOException {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(compressed)) {
      byte[] header = new byte[BLOCK];
      String longName = null;
      while (in.readNBytes(header, 0, BLOCK) == BLOCK && !isZero(header)) {
        String name = text(header, 0, 100);
        String prefix = text(header, 345, 155);
        if (!prefix.isEmpty() && text(header, 257, 5).equals("ustar")) {
          name = prefix + "/" + name;
        }
        String sizeDigits = text(header, 124, 12).trim();
        long size;
        try {
          size = sizeDigits.isEmpty() ? 0 : Long.parseLong(sizeDigits, 8);
        } catch (NumberFormatException e) {
          throw new IOException("tar entry " + name + " has a size that is not octal: '" + sizeDigits + "'", e);
        }
        if (size > 256L * 1024 * 1024) {
          throw new IOException("tar entry " + name + " is too large to read: " + size + " bytes");
        }
        int padded = (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
        byte[] data = in.readNBytes(padded);
        if (data.length < padded) {
          throw new IOException("tar entry " + name + " is truncated: " + data.length + " of " + padded + " bytes");
        }
        byte[] content = java.util.Arrays.copyOf(data, (int) size);
        byte type = header[156];
        if (type == 'x') {
          for (String record : new String(content, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
              longName = record.substring(space + 1 + "path=".length());
            }
          }
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

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }

  /** The archive's bytes, for tests. */
  static byte[] bytes(Map<String, byte[]> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, files);
    return out.toByteArray();
  }
}
