package dev.preflyte.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.preflyte.idl.TarArchive;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.Container;
import dev.preflyte.idl.core.TaskTemplate;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --image NAME=REF}: the tasks of image NAME run in REF. */
class ImageOptionsTest {

  @TempDir Path dir;

  private static TaskTemplate in(String image) {
    return TaskTemplate.newBuilder().setContainer(Container.newBuilder().setImage(image)).build();
  }

  @Test
  void aRepositoryOrAnExactReferenceIsReplaced() {
    ImageOptions options = new ImageOptions();
    options.images.put("ghcr.io/acme/sql", "ghcr.io/acme/sql@sha256:" + "a".repeat(64));
    options.images.put("registry:5000/tools:1.0", "registry:5000/tools:1.1");
    assertEquals("ghcr.io/acme/sql@sha256:" + "a".repeat(64),
        options.apply(in("ghcr.io/acme/sql:1.0.0")).getContainer().getImage());
    assertEquals("registry:5000/tools:1.1", options.apply(in("registry:5000/tools:1.0")).getContainer().getImage());
    assertEquals("registry:5000/tools:2.0", options.apply(in("registry:5000/tools:2.0")).getContainer().getImage());
    assertEquals("ghcr.io/acme/other:1", options.apply(in("ghcr.io/acme/other:1")).getContainer().getImage());
    assertEquals("registry:5000/name", ImageOptions.repository("registry:5000/name:1.0"));
    assertEquals("registry:5000/name", ImageOptions.repository("registry:5000/name"));
  }

  @Test
  void packageWritesTheReplacedImage() throws Exception {
    Path archive = dir.resolve("tasks.tgz");
    PreflyteCommandTest.Run run = PreflyteCommandTest.run("package", "--output", archive.toString(),
        "--image", "ghcr.io/preflyte/samples=registry.example.com/samples:0.2.0");
    assertEquals(0, run.exit(), run.err());
    Map<String, byte[]> entries;
    try (InputStream in = Files.newInputStream(archive)) {
      entries = TarArchive.readTarGz(in);
    }
    for (byte[] entry : entries.values()) {
      assertEquals("registry.example.com/samples:0.2.0", TaskSpec.parseFrom(entry).getTemplate().getContainer().getImage());
    }
  }
}
