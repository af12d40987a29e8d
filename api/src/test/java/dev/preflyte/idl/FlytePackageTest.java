package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.idl.core.TaskTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The TaskSpec inside a real {@code pyflyte package} archive, as {@code flytectl register files} takes it. */
class FlytePackageTest {

  private static Map<String, byte[]> archive() throws IOException {
    try (InputStream in = Files.newInputStream(FlyteFixtures.file("packages/flyte-package.tgz"))) {
      return TarArchive.readTarGz(in);
    }
  }

  @Test
  void archiveHoldsTaskWorkflowAndLaunchPlan() throws IOException {
    Map<String, byte[]> files = archive();
    assertEquals(4, files.size(), files.keySet().toString());
    assertEquals(1, files.keySet().stream().filter(name -> name.endsWith("_1.pb")).count());
    assertEquals(1, files.keySet().stream().filter(name -> name.endsWith("_2.pb")).count());
    assertEquals(1, files.keySet().stream().filter(name -> name.endsWith("_3.pb")).count());
  }

  @Test
  void taskSpecParsesWithoutUnknownFieldsAndRoundTrips() throws IOException {
    Map.Entry<String, byte[]> task = archive().entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("_1.pb"))
        .findFirst()
        .orElseThrow();
    assertEquals(690, task.getValue().length, task.getKey());

    TaskSpec spec = TaskSpec.parseFrom(task.getValue());

    assertEquals(List.of(), UnknownFields.find(spec));
    assertEquals(spec, TaskSpec.parseFrom(spec.toByteArray()));
    assertEquals(task.getValue().length, spec.getSerializedSize());
    TaskTemplate template = spec.getTemplate();
    assertEquals(ResourceType.TASK, template.getId().getResourceType());
    assertEquals("myapp.workflows.example.say_hello", template.getId().getName());
    assertEquals("{{ registration.version }}", template.getId().getVersion());
    assertEquals("python-task", template.getType());
    assertEquals("pyflyte-fast-execute", template.getContainer().getArgs(0));
    assertTrue(template.getInterface().getOutputs().containsVariables("o0"));
  }

  @Test
  void truncatedArchiveIsReportedNotMisread() throws IOException {
    byte[] whole;
    try (InputStream in = Files.newInputStream(FlyteFixtures.file("packages/flyte-package.tgz"))) {
      whole = in.readAllBytes();
    }
    // Re-compress the tar stream cut 300 bytes into the TaskSpec's data.
    byte[] tar;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(whole))) {
      tar = in.readAllBytes();
    }
    int header = 0;
    while (!new String(tar, header, 7, StandardCharsets.US_ASCII).equals("0_myapp")) {
      header += 512;
    }
    tar = Arrays.copyOf(tar, header + 512 + 300);
    ByteArrayOutputStream cut = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(cut)) {
      gzip.write(tar);
    }
    IOException error = assertThrows(IOException.class,
        () -> TarArchive.readTarGz(new ByteArrayInputStream(cut.toByteArray())));
    assertEquals("tar entry 0_myapp.workflows.example.say_hello_1.pb is truncated: 300 of 1024 bytes",
        error.getMessage());
  }
}
