package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.Container;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.idl.core.RuntimeMetadata;
import dev.preflyte.idl.core.Secret;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 88 TaskSpecs flytekit serialized for the flytesnacks examples, read with our model. */
class TaskSpecFixturesTest {

  static List<Path> taskSpecs() {
    return FlyteFixtures.taskSpecs();
  }

  private static TaskTemplate template(String fileName) throws InvalidProtocolBufferException {
    Path file = FlyteFixtures.file("taskspecs/" + fileName);
    return TaskSpec.parseFrom(FlyteFixtures.read(file)).getTemplate();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taskSpecs")
  @RequiresFlyteFixtures
  void parsesWithoutUnknownFieldsAndRoundTrips(Path file) throws InvalidProtocolBufferException {
    byte[] bytes = FlyteFixtures.read(file);
    TaskSpec spec = TaskSpec.parseFrom(bytes);

    assertEquals(List.of(), UnknownFields.find(spec), "fields our model does not know");
    TaskSpec again = TaskSpec.parseFrom(spec.toByteArray());
    assertEquals(spec, again);
    // Same size: nothing flytekit wrote was dropped or re-encoded differently.
    assertEquals(bytes.length, spec.getSerializedSize());

    TaskTemplate template = spec.getTemplate();
    assertAll(
        () -> assertTrue(spec.hasTemplate(), "TaskSpec.template is set"),
        () -> assertEquals(ResourceType.TASK, template.getId().getResourceType()),
        () -> assertFalse(template.getId().getName().isBlank(), "template id has a name"),
        () -> assertFalse(template.getType().isBlank(), "template has a type"),
        () -> assertEquals(RuntimeMetadata.RuntimeType.FLYTE_SDK, template.getMetadata().getRuntime().getType()),
        () -> assertEquals("python", template.getMetadata().getRuntime().getFlavor()));
  }

  @Test
  void allEightyEightAreThere() {
    assertEquals(88, taskSpecs().size());
  }

  @Test
  void taskTypesMatchTheFixturesReadme() throws InvalidProtocolBufferException {
    Map<String, Integer> counts = new TreeMap<>();
    for (Path file : taskSpecs()) {
      counts.merge(TaskSpec.parseFrom(FlyteFixtures.read(file)).getTemplate().getType(), 1, Integer::sum);
    }
    assertEquals(
        Map.of("python-task", 81, "raw-container", 5, "object-store-sensor", 1, "container_array", 1), counts);
  }

  @Test
  void pythonTasksRunPyflyteExecuteWithFlytesPlaceholders() throws InvalidProtocolBufferException {
    for (Path file : taskSpecs()) {
      TaskTemplate template = TaskSpec.parseFrom(FlyteFixtures.read(file)).getTemplate();
      if (!template.getType().equals("python-task")) {
        continue;
      }
      Container container = template.getContainer();
      String name = file.getFileName().toString();
      assertEquals(TaskTemplate.TargetCase.CONTAINER, template.getTargetCase(), name);
      assertEquals(List.of(), container.getCommandList(), name);
      assertEquals("pyflyte-execute", container.getArgs(0), name);
      int inputs = container.getArgsList().indexOf("--inputs");
      assertEquals("{{.input}}", container.getArgs(inputs + 1), name);
      int outputPrefix = container.getArgsList().indexOf("--output-prefix");
      assertEquals("{{.outputPrefix}}", container.getArgs(outputPrefix + 1), name);
    }
  }

  @Test
  void rawContainersUseDataLoadingConfig() throws InvalidProtocolBufferException {
    Container container = template("004_ellipse-area-metadata-shell_1.pb").getContainer();
    assertEquals(List.of("./calculate-ellipse-area.sh", "/var/inputs", "/var/outputs"), container.getCommandList());
    assertTrue(container.getDataConfig().getEnabled());
    assertEquals("/var/inputs", container.getDataConfig().getInputPath());
    assertEquals("/var/outputs", container.getDataConfig().getOutputPath());
  }

  @Test
  void sensorHasNoTargetButTimeoutAndRetries() throws InvalidProtocolBufferException {
    TaskTemplate sensor = template("075_my-objectstore-sensor_1.pb");
    assertEquals(TaskTemplate.TargetCase.TARGET_NOT_SET, sensor.getTargetCase());
    assertEquals(1200, sensor.getMetadata().getTimeout().getSeconds());
    assertEquals(10, sensor.getMetadata().getRetries().getRetries());
  }

  @Test
  void mapTaskCarriesItsCustomStruct() throws InvalidProtocolBufferException {
    TaskTemplate mapper = template("052_core.control_flow.map_task.mapper_a_mappable_task_0_1.pb");
    assertEquals(1, mapper.getTaskTypeVersion());
    assertEquals(Value.newBuilder().setNumberValue(1.0).build(), mapper.getCustom().getFieldsOrThrow("minSuccessRatio"));
    assertEquals("pyflyte-map-execute", mapper.getContainer().getArgs(0));
  }

  @Test
  void secretsAndCacheSettingsAreRead() throws InvalidProtocolBufferException {
    List<Secret> secrets = template("013_core.containerization.use_secrets.user_info_task_1.pb")
        .getSecurityContext().getSecretsList();
    assertEquals(List.of("user-info/username", "user-info/password"),
        secrets.stream().map(secret -> secret.getGroup() + "/" + secret.getKey()).collect(Collectors.toList()));
    assertEquals(Secret.MountType.ENV_VAR,
        template("014_core.containerization.use_secrets.secret_file_task_1.pb")
            .getSecurityContext().getSecrets(0).getMountRequirement());

    TaskTemplate serialized = template("149_core.flyte_basics.task_cache_serialize.square_1.pb");
    assertTrue(serialized.getMetadata().getDiscoverable());
    assertEquals("1.0", serialized.getMetadata().getDiscoveryVersion());
    assertTrue(serialized.getMetadata().getCacheSerializable());
  }

  @Test
  void explicitInterruptibleFalseKeepsItsPresence() throws InvalidProtocolBufferException {
    TaskTemplate template = template("69_core.flyte_basics.lp.greet_1.pb");
    assertTrue(template.getMetadata().hasInterruptible(), "interruptible_value oneof is set");
    assertFalse(template.getMetadata().getInterruptible());
    TaskTemplate again = TaskTemplate.parseFrom(template.toByteArray());
    assertTrue(again.getMetadata().hasInterruptible(), "presence survives a round trip");
  }
}
