package dev.preflyte.runtime.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New scratch folders and partial files under names no other writer picks. They are created
 * exclusively (a name that exists, or a planted link, fails the creation rather than being used),
 * so the name needs to be unlikely, not secret: it comes from {@link ThreadLocalRandom}.
 * {@code Files.createTempDirectory} and {@code UUID.randomUUID} draw from {@code SecureRandom}
 * instead, whose security providers cost every task run about 5 ms of start-up.
 */
public final class FreshNames {

  /** Names tried before giving up: a clash of 64 random bits is already improbable. */
  private static final int ATTEMPTS = 16;

  private FreshNames() {}

  /** Sixteen hex digits, fresh at each call. */
  public static String next() {
    String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** Creates a new, empty directory {@code parent/<prefix><fresh name>} that only its owner may enter. */
  public static Path createDirectory(Path parent, String prefix) throws IOException {
    FileAttribute<?>[] ownerOnly = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE))}
        : new FileAttribute<?>[0];
    return create(parent, prefix, "", path -> Files.createDirectory(path, ownerOnly));
  }

  /**
   * Creates a new, empty file {@code parent/<prefix><fresh name><suffix>} with the permissions any
   * new file gets (a sidecar that uploads outputs must be able to read it).
   */
  public static Path createFile(Path parent, String prefix, String suffix) throws IOException {
    return create(parent, prefix, suffix, Files::createFile);
  }

  /** Creates a file or folder exclusively. */
  @FunctionalInterface
  private interface Creation {
    Path create(Path path) throws IOException;
  }

  /** Tries fresh names until {@code creation} makes one that did not exist. */
  private static Path create(Path parent, String prefix, String suffix, Creation creation) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return creation.create(parent.resolve(prefix + next() + suffix));
      } catch (FileAlreadyExistsException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
