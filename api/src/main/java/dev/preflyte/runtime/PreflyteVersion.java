package dev.preflyte.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Preflyte's version, as recorded at build time; it goes into every task template's metadata. */
public final class PreflyteVersion {

  private static final String RESOURCE = "/META-INF/preflyte/version.properties";
  private static volatile String version;

  private PreflyteVersion() {}

  public static String get() {
    String cached = version;
    if (cached == null) {
      cached = load();
      version = cached;
    }
    return cached;
  }

  private static String load() {
    try (InputStream in = PreflyteVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the runtime jar: rebuild it with Maven");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
