package dev.preflyte.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backends loaded from the distribution's backends/ folders: a gs:// provider compiled here into a
 * jar that is on no class path, placed in {@code <home>/backends/gcs}.
 */
class BackendFoldersTest {

  /** A provider that fails unless it is created and called with its own loader as context loader. */
  private static final String PROVIDER = """
      package probe;
      import dev.preflyte.runtime.storage.*;
      import java.io.*;
      import java.nio.file.Path;
      import java.util.*;
      public final class ProbeProvider implements StorageProvider {
        public String scheme() { return "gs"; }
        public Storage create(Map<String, String> environment) {
          ProbeStorage.own(getClass());
          return new ProbeStorage();
        }
      }
      final class ProbeStorage implements Storage {
        private final Map<String, byte[]> objects = new TreeMap<>();
        static void own(Class<?> type) {
          if (Thread.currentThread().getContextClassLoader() != type.getClassLoader()) {
            throw new IllegalStateException("called outside its own class loader");
          }
        }
        public InputStream open(String uri) { return new ByteArrayInputStream(read(uri)); }
        public byte[] read(String uri) {
          own(getClass());
          byte[] bytes = objects.get(uri);
          if (bytes == null) throw new StorageException("no object " + uri);
          return bytes;
        }
        public void writeAtomically(String uri, byte[] bytes) { own(getClass()); objects.put(uri, bytes); }
        public boolean exists(String uri) { own(getClass()); return objects.containsKey(uri); }
        public void download(String uri, Path target) { throw new UnsupportedOperationException(); }
        public void upload(Path source, String uri) { throw new UnsupportedOperationException(); }
        public void downloadDirectory(String uri, Path target) { throw new UnsupportedOperationException(); }
        public void uploadDirectory(Path source, String uri) { throw new UnsupportedOperationException(); }
        public List<String> list(String uri) { own(getClass()); return List.copyOf(objects.keySet()); }
      }
      """;

  @TempDir static Path built;
  private static Path providerJar;

  @TempDir Path home;

  @BeforeAll
  static void compileTheProvider() throws IOException {
    Path source = Files.createDirectories(built.resolve("src/probe")).resolve("ProbeProvider.java");
    Files.writeString(source, PROVIDER);
    Path classes = Files.createDirectories(built.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path"), source.toString());
    assertEquals(0, status, "the probe provider compiles");
    Path services = Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(services.resolve(StorageProvider.class.getName()), "probe.ProbeProvider\n");
    providerJar = jar(classes, built.resolve("probe-backend.jar"));
  }

  private static Path jar(Path classes, Path target) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(target));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return target;
  }

  private Path installGcs() throws IOException {
    Path folder = Files.createDirectories(home.resolve("backends/gcs"));
    Files.copy(providerJar, folder.resolve("probe-backend.jar"));
    return folder;
  }

  private Storages standard() {
    return Storages.standard(Map.of("PREFLYTE_HOME", home.toString()));
  }

  @Test
  void aGsUriIsServedFromTheGcsFolderThroughItsOwnClassLoader() throws Exception {
    installGcs();
    try (Storages storages = standard()) {
      byte[] bytes = "from the folder".getBytes(StandardCharsets.UTF_8);
      storages.writeAtomically("gs://bucket/key", bytes);
      assertArrayEquals(bytes, storages.read("gs://bucket/key"));
      assertArrayEquals(bytes, storages.open("gs://bucket/key").readAllBytes());
      assertEquals(List.of("gs://bucket/key"), storages.list("gs://bucket/"));

      Storage backend = ((LoaderBoundStorage) storages.backendFor("gs://bucket/key")).backend();
      ClassLoader loader = backend.getClass().getClassLoader();
      assertEquals("preflyte-backend-gcs", loader.getName());
      assertSame(Storages.class.getClassLoader(), loader.getParent());
      assertNotSame(Thread.currentThread().getContextClassLoader(), loader, "the caller's context is restored");
      assertSame(backend, ((LoaderBoundStorage) storages.backendFor("gs://other/key")).backend(), "one backend");
    }
  }

  @Test
  void anUnknownSchemeNamesTheInstalledBackendsToo() throws Exception {
    installGcs();
    try (Storages storages = standard()) {
      StorageException e = assertThrows(StorageException.class, () -> storages.read("ftp://host/key"));
      assertEquals("no storage for 'ftp://' URIs (in ftp://host/key): supported are [file://, gs://] and local paths",
          e.getMessage());
    }
  }

  @Test
  void aMissingFolderNamesTheBackendAndHowToAddIt() throws Exception {
    installGcs();
    try (Storages storages = standard()) {
      StorageException e = assertThrows(StorageException.class, () -> storages.read("abfs://c@a.dfs.core.windows.net/k"));
      assertEquals("no storage for 'abfs://' URIs (in abfs://c@a.dfs.core.windows.net/k): the azure backend is not"
          + " installed: copy the Preflyte distribution's backends/azure folder to " + home.resolve("backends/azure")
          + ", or put preflyte-storage-azure and its dependencies on PREFLYTE_CLASSPATH", e.getMessage());
    }
  }

  @Test
  void aFolderWithoutJarsOrWithoutTheProviderIsNamed() throws Exception {
    Path gcs = Files.createDirectories(home.resolve("backends/gcs"));
    try (Storages storages = standard()) {
      StorageException e = assertThrows(StorageException.class, () -> storages.read("gs://b/k"));
      assertEquals(gcs + " holds no jar: copy the backends/gcs folder of the Preflyte distribution there",
          e.getMessage());
    }
    Path s3 = Files.createDirectories(home.resolve("backends/s3"));
    Files.copy(providerJar, s3.resolve("probe-backend.jar"));
    try (Storages storages = standard()) {
      StorageException e = assertThrows(StorageException.class, () -> storages.read("s3://b/k"));
      assertEquals(s3 + " holds no storage provider for s3://: replace it with the backends/s3 folder of the"
          + " Preflyte distribution", e.getMessage());
    }
  }

  @Test
  void closingReleasesTheFolderAndLaterUseLoadsItAgain() throws Exception {
    installGcs();
    Storages storages = standard();
    storages.writeAtomically("gs://bucket/key", new byte[] {1});
    ClassLoader first = ((LoaderBoundStorage) storages.backendFor("gs://bucket/key")).backend().getClass().getClassLoader();
    storages.close();

    storages.writeAtomically("gs://bucket/key", new byte[] {2});
    ClassLoader second = ((LoaderBoundStorage) storages.backendFor("gs://bucket/key")).backend().getClass().getClassLoader();
    assertNotSame(first, second);
    assertArrayEquals(new byte[] {2}, storages.read("gs://bucket/key"));
    storages.close();
  }
}
