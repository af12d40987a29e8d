package dev.preflyte.samples.sql;

/** How a SQLite database is packed at its URI. */
public enum Compression {
  /** The database file itself. */
  NONE,
  /** A zip archive holding one database file. */
  ZIP,
  /** A tar archive holding one database file. */
  TAR,
  /** A gzip-compressed tar archive ({@code .tar.gz}, {@code .tgz}) holding one database file. */
  TAR_GZ
}
