package dev.preflyte.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.preflyte.idl.ModelDescriptors;
import dev.preflyte.idl.UnknownFields;
import dev.preflyte.idl.core.Container;
import dev.preflyte.idl.core.Identifier;
import dev.preflyte.idl.core.KeyValuePair;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.idl.core.Resources;
import dev.preflyte.idl.core.RetryStrategy;
import dev.preflyte.idl.core.RuntimeMetadata;
import dev.preflyte.idl.core.Secret;
import dev.preflyte.idl.core.SecurityContext;
import dev.preflyte.idl.core.TaskMetadata;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.core.TypedInterface;
import dev.preflyte.idl.core.Variable;
import dev.preflyte.idl.core.VariableMap;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.PreflyteVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrebuiltContainerTaskTest {

  private static final RegistrationSettings SETTINGS = new RegistrationSettings("flytesnacks", "development", "v7");

  /** Written out, not computed: this is the contract with {@code preflyte-execute} and propeller. */
  private static final List<String> ARGS = List.of(
      "preflyte-execute",
      "--inputs", "{{.input}}",
      "--output-prefix", "{{.outputPrefix}}",
      "--raw-output-data-prefix", "{{.rawOutputDataPrefix}}",
      "--checkpoint-path", "{{.checkpointOutputPrefix}}",
      "--prev-checkpoint", "{{.prevCheckpointPrefix}}",
      "--resolver", "dev.preflyte.runtime.entrypoint.TemplateFileResolver",
      "--",
      "{{.taskTemplatePath}}",
      "com.example.GreetingTask");

  private static final TypedInterface INTERFACE = TypedInterface.newBuilder()
      .setInputs(VariableMap.newBuilder()
          .putVariables("name", Variable.newBuilder().setType(GreetingTask.STRING).setDescription("who to greet").build())
          .putVariables("times", Variable.newBuilder().setType(GreetingTask.INTEGER).build()))
      .setOutputs(VariableMap.newBuilder()
          .putVariables("greeting", Variable.newBuilder().setType(GreetingTask.STRING).build()))
      .build();

  private static RuntimeMetadata runtime() {
    return RuntimeMetadata.newBuilder()
        .setType(RuntimeMetadata.RuntimeType.FLYTE_SDK)
        .setVersion(PreflyteVersion.get())
        .setFlavor("java")
        .build();
  }

  @Test
  void minimalTemplateFieldByField() {
    TaskTemplate template = GreetingTask.of(GreetingTask.PLAIN).toTaskTemplate(SETTINGS);

    assertEquals(
        Identifier.newBuilder()
            .setResourceType(ResourceType.TASK)
            .setProject("flytesnacks")
            .setDomain("development")
            .setName("com.example.GreetingTask")
            .setVersion("v7")
            .build(),
        template.getId());
    assertEquals("greeting", template.getType());

    TaskMetadata metadata = template.getMetadata();
    assertEquals(runtime(), metadata.getRuntime());
    assertFalse(metadata.hasRetries(), "no RetryStrategy when retries = 0");
    assertFalse(metadata.hasTimeout());
    assertFalse(metadata.getDiscoverable());
    assertEquals("", metadata.getDiscoveryVersion());
    assertFalse(metadata.getCacheSerializable());
    assertEquals(List.of(), metadata.getCacheIgnoreInputVarsList());
    assertFalse(metadata.hasInterruptible(), "interruptible left to the workflow");
    assertEquals(Map.of(), metadata.getTagsMap());
    assertEquals(TaskMetadata.newBuilder().setRuntime(runtime()).build(), metadata);

    assertEquals(INTERFACE, template.getInterface());
    assertFalse(template.hasCustom(), "custom omitted when the configuration writes nothing");
    assertFalse(template.hasSecurityContext(), "security_context only with secrets");
    assertEquals(0, template.getTaskTypeVersion());
    assertEquals(Map.of(), template.getConfigMap());
    assertFalse(template.hasExtendedResources());

    assertEquals(TaskTemplate.TargetCase.CONTAINER, template.getTargetCase());
    Container container = template.getContainer();
    assertEquals("ghcr.io/example/greeting:1.0", container.getImage());
    assertEquals(List.of(), container.getCommandList(), "command stays empty, like flytekit");
    assertEquals(ARGS, container.getArgsList());
    assertFalse(container.hasResources(), "no Resources when none are asked for");
    assertEquals(List.of(), container.getEnvList());
    assertFalse(container.hasDataConfig());
  }

  @Test
  void fullyConfiguredTemplateIsExactlyWhatFlyteExpects() {
    GreetingTask task = GreetingTask.of(new GreetingTask.Config("Hello", true), TaskSettings.builder()
        .name("greet-loudly")
        .image("registry.example.com/greeting:2.0")
        .retries(3)
        .timeout(Duration.ofSeconds(90, 500_000_000))
        .cache("1.2")
        .cacheSerializable(true)
        .cacheIgnoredInputs("times")
        .interruptible(true)
        .tag("team", "data")
        .tag("cost-center", "42")
        .secret(SecretRequest.of("db", "password"))
        .secret(new SecretRequest("api", "token", "v2", Secret.MountType.FILE))
        .env("LOG_LEVEL", "debug")
        .env("A_FIRST", "1")
        .memory("1Gi")
        .cpu("500m")
        .limit(Resources.ResourceName.MEMORY, "2Gi")
        .build());

    TaskTemplate expected = TaskTemplate.newBuilder()
        .setId(Identifier.newBuilder()
            .setResourceType(ResourceType.TASK)
            .setProject("flytesnacks")
            .setDomain("development")
            .setName("greet-loudly")
            .setVersion("v7"))
        .setType("greeting")
        .setMetadata(TaskMetadata.newBuilder()
            .setRuntime(runtime())
            .setRetries(RetryStrategy.newBuilder().setRetries(3))
            .setTimeout(dev.preflyte.idl.protobuf.Duration.newBuilder().setSeconds(90).setNanos(500_000_000))
            .setDiscoverable(true)
            .setDiscoveryVersion("1.2")
            .setCacheSerializable(true)
            .addCacheIgnoreInputVars("times")
            .setInterruptible(true)
            .putTags("cost-center", "42")
            .putTags("team", "data"))
        .setInterface(INTERFACE)
        .setCustom(Struct.newBuilder()
            .putFields("salutation", Value.newBuilder().setStringValue("Hello").build())
            .putFields("shout", Value.newBuilder().setBoolValue(true).build()))
        .setContainer(Container.newBuilder()
            .setImage("registry.example.com/greeting:2.0")
            .addAllArgs(ARGS)
            .setResources(Resources.newBuilder()
                .addRequests(Resources.ResourceEntry.newBuilder().setName(Resources.ResourceName.CPU).setValue("500m"))
                .addRequests(Resources.ResourceEntry.newBuilder().setName(Resources.ResourceName.MEMORY).setValue("1Gi"))
                .addLimits(Resources.ResourceEntry.newBuilder().setName(Resources.ResourceName.MEMORY).setValue("2Gi")))
            .addEnv(KeyValuePair.newBuilder().setKey("A_FIRST").setValue("1"))
            .addEnv(KeyValuePair.newBuilder().setKey("LOG_LEVEL").setValue("debug")))
        .setSecurityContext(SecurityContext.newBuilder()
            .addSecrets(Secret.newBuilder().setGroup("db").setKey("password"))
            .addSecrets(Secret.newBuilder().setGroup("api").setGroupVersion("v2").setKey("token")
                .setMountRequirement(Secret.MountType.FILE)))
        .build();

    assertEquals(expected, task.toTaskTemplate(SETTINGS));
    // The executor name, not the task name, is what preflyte-execute looks up.
    assertEquals("com.example.GreetingTask", task.toTaskTemplate(SETTINGS).getContainer().getArgs(ARGS.size() - 1));
  }

  @Test
  void templateSerializesDeterministicallyAndParsesBackEqual() throws Exception {
    GreetingTask task = GreetingTask.of(new GreetingTask.Config("Hi", false), TaskSettings.builder()
        .retries(1)
        .tag("b", "2").tag("a", "1")
        .env("Z", "z").env("Y", "y")
        .secret(SecretRequest.of("g", "k"))
        .memory("1Gi")
        .build());
    TaskTemplate template = task.toTaskTemplate(SETTINGS);
    byte[] bytes = template.toByteArray();

    TaskTemplate parsed = TaskTemplate.parseFrom(bytes);

    assertEquals(template, parsed);
    assertEquals(List.of(), UnknownFields.find(parsed));
    assertEquals(ByteString.copyFrom(bytes),
        task.toTaskTemplate(SETTINGS).toByteString(), "the same task gives the same bytes");
  }

  @Test
  void noSetSubMessageIsEmptyExceptTheRequiredInterface() {
    TaskTemplate minimal = GreetingTask.of(GreetingTask.PLAIN).toTaskTemplate(SETTINGS);
    TaskTemplate full = GreetingTask.of(new GreetingTask.Config("x", false), TaskSettings.builder().retries(1)
        .secret(SecretRequest.of("g", "k")).cpu("1").tag("k", "v").build()).toTaskTemplate(SETTINGS);

    assertEquals(List.of(), emptyMessages(minimal, "template"));
    assertEquals(List.of(), emptyMessages(full, "template"));

    // flyteadmin rejects a template without an interface, so an empty one is still written.
    TaskTemplate noInterface = QueryTask.of("select 1", TaskInterface.empty()).toTaskTemplate(SETTINGS);
    assertTrue(noInterface.hasInterface());
    assertEquals(TypedInterface.getDefaultInstance(), noInterface.getInterface());
    assertEquals(List.of("template.interface"), emptyMessages(noInterface, "template"));
  }

  @Test
  void interruptibleFalseIsWrittenExplicitly() {
    TaskTemplate template = GreetingTask.with(TaskSettings.builder().interruptible(false).build()).toTaskTemplate(SETTINGS);

    assertTrue(template.getMetadata().hasInterruptible());
    assertFalse(template.getMetadata().getInterruptible());
  }

  @Test
  void cacheWithoutSerializableLeavesItOff() {
    TaskMetadata metadata = GreetingTask.with(TaskSettings.builder().cache("v1").build()).toTaskTemplate(SETTINGS).getMetadata();

    assertTrue(metadata.getDiscoverable());
    assertEquals("v1", metadata.getDiscoveryVersion());
    assertFalse(metadata.getCacheSerializable());
  }

  @Test
  void limitsAloneStillMakeResources() {
    Container container = GreetingTask.with(TaskSettings.builder().limit(Resources.ResourceName.GPU, "1").build())
        .toTaskTemplate(SETTINGS).getContainer();

    assertEquals(Resources.newBuilder()
        .addLimits(Resources.ResourceEntry.newBuilder().setName(Resources.ResourceName.GPU).setValue("1"))
        .build(), container.getResources());
  }

  @Test
  void accessorsReportTheConfigurationAndTheSettings() {
    TaskSettings settings = TaskSettings.builder().retries(2).build();
    GreetingTask task = GreetingTask.of(new GreetingTask.Config("Hey", false), settings);

    assertEquals("com.example.GreetingTask", task.name());
    assertEquals("com.example.GreetingTask", task.executorName());
    assertEquals("greeting", task.taskType());
    assertEquals("ghcr.io/example/greeting:1.0", task.image());
    assertEquals(GreetingTask.INTERFACE, task.taskInterface());
    assertEquals(new GreetingTask.Config("Hey", false), task.config());
    assertEquals(settings, task.settings());
    assertEquals(ARGS, task.containerArgs());
  }

  @Test
  void preflyteVersionIsTheBuiltVersion() {
    String version = PreflyteVersion.get();
    assertFalse(version.isBlank(), "flyteadmin rejects a blank runtime version");
    assertFalse(version.contains("${"), "version.properties was filtered: " + version);
    assertTrue(version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
  }

  // Error paths.

  @Test
  void blankNamesAreRejected() {
    // The settings' own checks are TaskSettingsTest's; here: what the task itself refuses.
    IllegalArgumentException image = assertThrows(IllegalArgumentException.class,
        () -> new GreetingTaskWithImage("").toTaskTemplate(SETTINGS));
    assertEquals("image is blank: give a non-blank image", image.getMessage());
    NullPointerException config = assertThrows(NullPointerException.class, () -> GreetingTask.of(null));
    assertEquals("config: give the task's configuration", config.getMessage());
    NullPointerException settings = assertThrows(NullPointerException.class,
        () -> GreetingTask.of(GreetingTask.PLAIN, null));
    assertEquals("settings: give TaskSettings.defaults() for none", settings.getMessage());
  }

  /** A task whose annotation would name {@code image}. */
  private static final class GreetingTaskWithImage extends PrebuiltContainerTask<String> {
    GreetingTaskWithImage(String image) {
      super("greeting", image, "com.example.GreetingTask", TaskInterface.empty(), "", TaskSettings.defaults());
    }

    @Override
    public Struct getCustom() {
      return Struct.getDefaultInstance();
    }
  }

  @Test
  void blankTaskTypeOrExecutorIsRejected() {
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> QueryTask.named(" ", "com.example.QueryTask"));
    assertTrue(type.getMessage().startsWith("task type is blank"), type.getMessage());
    IllegalArgumentException executor = assertThrows(IllegalArgumentException.class,
        () -> QueryTask.named("query", ""));
    assertTrue(executor.getMessage().startsWith("executor name is blank"), executor.getMessage());
  }

  @Test
  void cacheIgnoredInputsMustBeInputs() {
    TaskSettings settings = TaskSettings.builder().cache("1").cacheIgnoredInputs("greeting").build();
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> GreetingTask.with(settings));
    assertEquals("cacheIgnoredInputs names 'greeting', which is not an input of task com.example.GreetingTask:"
        + " use one of [name, times]", error.getMessage());
  }

  @Test
  void nullCustomIsReportedWithTheClassAtFault() {
    PrebuiltContainerTask<String> broken = new PrebuiltContainerTask<>(
        "query", "image:1", "com.example.Broken", TaskInterface.empty(), "config", TaskSettings.defaults()) {
      @Override
      public Struct getCustom() {
        return null;
      }
    };
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> broken.toTaskTemplate(SETTINGS));
    assertTrue(error.getMessage().contains(".getCustom() returned null: return an empty Struct"), error.getMessage());
  }

  @Test
  void missingSettingsAreRejected() {
    assertThrows(NullPointerException.class, () -> GreetingTask.of(GreetingTask.PLAIN).toTaskTemplate(null));
  }

  /** Paths of set message fields (singular, repeated or map values) that serialize to nothing. */
  private static List<String> emptyMessages(TaskTemplate template, String path) {
    return emptyMessages(ModelDescriptors.view(template), path);
  }

  private static List<String> emptyMessages(Message message, String path) {
    List<String> empty = new ArrayList<>();
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      if (descriptor.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      List<?> values = descriptor.isRepeated() ? (List<?>) field.getValue() : List.of(field.getValue());
      for (Object value : values) {
        Message child = (Message) value;
        String childPath = path + "." + descriptor.getName();
        if (descriptor.isMapField()) {
          FieldDescriptor valueField = child.getDescriptorForType().findFieldByNumber(2);
          if (valueField.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            continue;
          }
          childPath += "[" + child.getField(child.getDescriptorForType().findFieldByNumber(1)) + "]";
          child = (Message) child.getField(valueField);
        }
        if (child.getSerializedSize() == 0) {
          empty.add(childPath);
        }
        empty.addAll(emptyMessages(child, childPath));
      }
    }
    return empty;
  }
}
