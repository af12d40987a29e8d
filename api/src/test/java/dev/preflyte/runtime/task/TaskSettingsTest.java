package dev.preflyte.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.preflyte.idl.core.Resources.ResourceName;
import dev.preflyte.idl.core.Secret;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskSettingsTest {

  private static final SecretRequest DB = SecretRequest.of("db", "password");
  private static final SecretRequest TOKEN = new SecretRequest("api", "token", "v2", Secret.MountType.ENV_VAR);

  /** Every setting set, none at its default. */
  private static TaskSettings.Builder full() {
    return TaskSettings.builder()
        .name("add_five")
        .image("ghcr.io/acme/tasks:1.4")
        .retries(2)
        .timeout(Duration.ofMinutes(5))
        .cache("1")
        .cacheSerializable(true)
        .cacheIgnoredInputs("seed")
        .interruptible(true)
        .secret(DB)
        .env("MODE", "fast")
        .tag("team", "data")
        .cpu("500m")
        .memory("512Mi")
        .cpuLimit("1")
        .memoryLimit("1Gi");
  }

  // --- defaults -------------------------------------------------------------------------------

  @Test
  void defaultsLeaveEverythingUnset() {
    TaskSettings defaults = TaskSettings.defaults();
    assertEquals(Optional.empty(), defaults.name());
    assertEquals(Optional.empty(), defaults.image());
    assertEquals(0, defaults.retries());
    assertEquals(Optional.empty(), defaults.timeout());
    assertEquals(Optional.empty(), defaults.cacheVersion());
    assertFalse(defaults.cacheSerializable());
    assertEquals(List.of(), defaults.cacheIgnoredInputs());
    assertEquals(Optional.empty(), defaults.interruptible());
    assertEquals(List.of(), defaults.secrets());
    assertEquals(Map.of(), defaults.env());
    assertEquals(Map.of(), defaults.tags());
    assertEquals(Map.of(), defaults.requests());
    assertEquals(Map.of(), defaults.limits());
    assertEquals("TaskSettings{}", defaults.toString());
  }

  @Test
  void defaultsEqualAnEmptyBuilder() {
    assertEquals(TaskSettings.defaults(), TaskSettings.builder().build());
    assertEquals(TaskSettings.defaults().hashCode(), TaskSettings.builder().build().hashCode());
    assertSame(TaskSettings.defaults(), TaskSettings.defaults());
  }

  @Test
  void isAFinalClassWithoutPublicConstructors() {
    assertTrue(Modifier.isFinal(TaskSettings.class.getModifiers()));
    assertFalse(TaskSettings.class.isRecord());
    assertEquals(0, TaskSettings.class.getConstructors().length);
    assertEquals(0, TaskSettings.Builder.class.getConstructors().length);
  }

  // --- good paths -----------------------------------------------------------------------------

  @Test
  void nameAndImage() {
    TaskSettings settings = TaskSettings.builder().name("add_five").image("ghcr.io/acme/tasks:1.4").build();
    assertEquals(Optional.of("add_five"), settings.name());
    assertEquals(Optional.of("ghcr.io/acme/tasks:1.4"), settings.image());
  }

  @Test
  void settingAgainReplaces() {
    TaskSettings settings = TaskSettings.builder()
        .name("a").name("b")
        .image("i:1").image("i:2")
        .retries(3).retries(1)
        .timeout(Duration.ofHours(1)).timeout(Duration.ofSeconds(30))
        .cache("1").cache("2")
        .interruptible(true).interruptible(false)
        .cpu("1").cpu("2")
        .cpuLimit("3").cpuLimit("4")
        .build();
    assertEquals(Optional.of("b"), settings.name());
    assertEquals(Optional.of("i:2"), settings.image());
    assertEquals(1, settings.retries());
    assertEquals(Optional.of(Duration.ofSeconds(30)), settings.timeout());
    assertEquals(Optional.of("2"), settings.cacheVersion());
    assertEquals(Optional.of(false), settings.interruptible());
    assertEquals(Map.of(ResourceName.CPU, "2"), settings.requests());
    assertEquals(Map.of(ResourceName.CPU, "4"), settings.limits());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 10, Integer.MAX_VALUE})
  void retriesOfZeroOrMore(int retries) {
    assertEquals(retries, TaskSettings.builder().retries(retries).build().retries());
  }

  @Test
  void timeout() {
    assertEquals(Optional.of(Duration.ofMinutes(5)),
        TaskSettings.builder().timeout(Duration.ofMinutes(5)).build().timeout());
    assertEquals(Optional.of(Duration.ofNanos(1)),
        TaskSettings.builder().timeout(Duration.ofNanos(1)).build().timeout());
  }

  @Test
  void cacheWithItsOptions() {
    TaskSettings settings = TaskSettings.builder()
        .cache("v1")
        .cacheSerializable(true)
        .cacheIgnoredInputs("seed", "now")
        .build();
    assertEquals(Optional.of("v1"), settings.cacheVersion());
    assertTrue(settings.cacheSerializable());
    assertEquals(List.of("seed", "now"), settings.cacheIgnoredInputs());
  }

  @Test
  void cacheAloneLeavesItsOptionsOff() {
    TaskSettings settings = TaskSettings.builder().cache("v1").build();
    assertEquals(Optional.of("v1"), settings.cacheVersion());
    assertFalse(settings.cacheSerializable());
    assertEquals(List.of(), settings.cacheIgnoredInputs());
  }

  @Test
  void cacheSerializableFalseNeedsNoCache() {
    TaskSettings settings = TaskSettings.builder().cacheSerializable(false).build();
    assertFalse(settings.cacheSerializable());
    assertEquals(TaskSettings.defaults(), settings);
  }

  @Test
  void cacheIgnoredInputsAddUpInOrderWithoutRepeats() {
    TaskSettings settings = TaskSettings.builder()
        .cache("1")
        .cacheIgnoredInputs("b", "a")
        .cacheIgnoredInputs()
        .cacheIgnoredInputs("c", "a")
        .build();
    assertEquals(List.of("b", "a", "c"), settings.cacheIgnoredInputs());
  }

  @Test
  void interruptibleEitherWay() {
    assertEquals(Optional.of(true), TaskSettings.builder().interruptible(true).build().interruptible());
    assertEquals(Optional.of(false), TaskSettings.builder().interruptible(false).build().interruptible());
    assertNotEquals(TaskSettings.defaults(), TaskSettings.builder().interruptible(false).build());
  }

  @Test
  void secretsAreRepeatableAndKeepTheirOrder() {
    TaskSettings settings = TaskSettings.builder().secret(TOKEN).secret(DB).build();
    assertEquals(List.of(TOKEN, DB), settings.secrets());
  }

  @Test
  void envIsSortedAndTakesTheLastValue() {
    TaskSettings settings = TaskSettings.builder()
        .env("ZONE", "eu")
        .env("MODE", "slow")
        .env("MODE", "fast")
        .env("EMPTY", "")
        .build();
    assertEquals(List.of("EMPTY", "MODE", "ZONE"), new ArrayList<>(settings.env().keySet()));
    assertEquals(Map.of("EMPTY", "", "MODE", "fast", "ZONE", "eu"), settings.env());
  }

  @Test
  void tagsAreSortedAndTakeTheLastValue() {
    TaskSettings settings = TaskSettings.builder()
        .tag("team", "ml")
        .tag("owner", "ana")
        .tag("team", "data")
        .tag("flag", "")
        .build();
    assertEquals(List.of("flag", "owner", "team"), new ArrayList<>(settings.tags().keySet()));
    assertEquals(Map.of("flag", "", "owner", "ana", "team", "data"), settings.tags());
  }

  @ParameterizedTest
  @EnumSource(value = ResourceName.class, names = {"CPU", "GPU", "MEMORY", "STORAGE", "EPHEMERAL_STORAGE"})
  void requestAndLimitEveryResource(ResourceName resource) {
    TaskSettings settings = TaskSettings.builder().request(resource, "1").limit(resource, "2").build();
    assertEquals(Map.of(resource, "1"), settings.requests());
    assertEquals(Map.of(resource, "2"), settings.limits());
  }

  @Test
  void quantitiesAreKeptAsWritten() {
    TaskSettings settings = TaskSettings.builder().memory("1024Mi").memoryLimit("1Gi").build();
    assertEquals(Map.of(ResourceName.MEMORY, "1024Mi"), settings.requests());
    assertEquals(Map.of(ResourceName.MEMORY, "1Gi"), settings.limits());
  }

  @Test
  void resourcesComeInResourceOrder() {
    TaskSettings settings = TaskSettings.builder()
        .request(ResourceName.EPHEMERAL_STORAGE, "1Gi")
        .memory("1Gi")
        .request(ResourceName.GPU, "1")
        .cpu("1")
        .memoryLimit("2Gi")
        .cpuLimit("2")
        .build();
    assertEquals(List.of(ResourceName.CPU, ResourceName.GPU, ResourceName.MEMORY, ResourceName.EPHEMERAL_STORAGE),
        new ArrayList<>(settings.requests().keySet()));
    assertEquals(List.of(ResourceName.CPU, ResourceName.MEMORY), new ArrayList<>(settings.limits().keySet()));
  }

  @Test
  void shorthandsAreRequestsAndLimitsOfCpuAndMemory() {
    assertEquals(
        TaskSettings.builder()
            .request(ResourceName.CPU, "500m")
            .request(ResourceName.MEMORY, "512Mi")
            .limit(ResourceName.CPU, "1")
            .limit(ResourceName.MEMORY, "1Gi")
            .build(),
        TaskSettings.builder().cpu("500m").memory("512Mi").cpuLimit("1").memoryLimit("1Gi").build());
    TaskSettings settings = TaskSettings.builder().cpu("500m").memory("512Mi").cpuLimit("1").memoryLimit("1Gi").build();
    assertEquals(Map.of(ResourceName.CPU, "500m", ResourceName.MEMORY, "512Mi"), settings.requests());
    assertEquals(Map.of(ResourceName.CPU, "1", ResourceName.MEMORY, "1Gi"), settings.limits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"500m", "1", "0.5", "1Gi", "2e3", "1.5Gi", "100M", "0", "-0", "+2", ".5"})
  void requestsAndLimitsTakeKubernetesQuantities(String quantity) {
    TaskSettings settings = TaskSettings.builder().memory(quantity).memoryLimit(quantity).build();
    assertEquals(quantity, settings.requests().get(ResourceName.MEMORY));
    assertEquals(quantity, settings.limits().get(ResourceName.MEMORY));
  }

  @Test
  void requestOrLimitAloneNeedsNoCounterpart() {
    assertEquals(Map.of(ResourceName.MEMORY, "64Gi"), TaskSettings.builder().memory("64Gi").build().requests());
    assertEquals(Map.of(ResourceName.MEMORY, "1Mi"), TaskSettings.builder().memoryLimit("1Mi").build().limits());
  }

  @ParameterizedTest
  @CsvSource({
      "500m, 1",
      "1000m, 1",
      "1, 1000m",
      "1Gi, 1024Mi",
      "1024Mi, 1Gi",
      "1G, 1Gi",
      "2k, 2e3",
      "0.5Gi, 512Mi",
      "0, 1n",
      "1Mi, 1Ei"})
  void requestAtOrBelowItsLimitIsFine(String request, String limit) {
    TaskSettings settings = TaskSettings.builder().memory(request).memoryLimit(limit).build();
    assertEquals(request, settings.requests().get(ResourceName.MEMORY));
    assertEquals(limit, settings.limits().get(ResourceName.MEMORY));
  }

  // --- bad paths ------------------------------------------------------------------------------

  @Test
  void nameMustBeText() {
    assertMessage(NullPointerException.class,
        "name is null: give the task's name in Flyte, or leave name unset for the default",
        () -> TaskSettings.builder().name(null));
    assertMessage(IllegalArgumentException.class,
        "name is blank: give the task's name in Flyte, or leave name unset for the default",
        () -> TaskSettings.builder().name(" \t"));
    assertMessage(IllegalArgumentException.class,
        "name is blank: give the task's name in Flyte, or leave name unset for the default",
        () -> TaskSettings.builder().name(""));
  }

  @Test
  void imageMustBeText() {
    String fix = "give an image reference such as ghcr.io/acme/tasks:1.4, or leave image unset for the annotation's image";
    assertMessage(NullPointerException.class, "image is null: " + fix, () -> TaskSettings.builder().image(null));
    assertMessage(IllegalArgumentException.class, "image is blank: " + fix, () -> TaskSettings.builder().image(" "));
  }

  @Test
  void retriesMustNotBeNegative() {
    assertMessage(IllegalArgumentException.class, "retries is -1: give 0 or more",
        () -> TaskSettings.builder().retries(-1));
    assertMessage(IllegalArgumentException.class, "retries is -2147483648: give 0 or more",
        () -> TaskSettings.builder().retries(Integer.MIN_VALUE));
  }

  @Test
  void timeoutMustBePositive() {
    assertMessage(NullPointerException.class,
        "timeout is null: give a positive duration, or leave timeout unset for none",
        () -> TaskSettings.builder().timeout(null));
    assertMessage(IllegalArgumentException.class, "timeout is PT0S: give a positive duration",
        () -> TaskSettings.builder().timeout(Duration.ZERO));
    assertMessage(IllegalArgumentException.class, "timeout is PT-1S: give a positive duration",
        () -> TaskSettings.builder().timeout(Duration.ofSeconds(-1)));
  }

  @Test
  void cacheVersionMustBeText() {
    assertMessage(NullPointerException.class, "cache version is null: give a version to key the cache by",
        () -> TaskSettings.builder().cache(null));
    assertMessage(IllegalArgumentException.class, "cache version is blank: give a version to key the cache by",
        () -> TaskSettings.builder().cache(" "));
  }

  @Test
  void cacheIgnoredInputsMustBeNames() {
    String fix = "give the names of inputs to leave out of the cache key";
    assertMessage(NullPointerException.class, "cacheIgnoredInputs is null: " + fix,
        () -> TaskSettings.builder().cacheIgnoredInputs((String[]) null));
    assertMessage(NullPointerException.class, "cacheIgnoredInputs has a name that is null: " + fix,
        () -> TaskSettings.builder().cacheIgnoredInputs("a", null));
    assertMessage(IllegalArgumentException.class, "cacheIgnoredInputs has a name that is blank: " + fix,
        () -> TaskSettings.builder().cacheIgnoredInputs("a", " "));
  }

  @Test
  void aRejectedCallAddsNothing() {
    TaskSettings.Builder builder = TaskSettings.builder().cache("1").cacheIgnoredInputs("x");
    assertThrows(IllegalArgumentException.class, () -> builder.cacheIgnoredInputs("a", ""));
    assertThrows(IllegalArgumentException.class, () -> builder.retries(-1));
    assertThrows(IllegalArgumentException.class, () -> builder.memory("1GB"));
    assertThrows(NullPointerException.class, () -> builder.env("A", null));
    TaskSettings settings = builder.build();
    assertEquals(List.of("x"), settings.cacheIgnoredInputs());
    assertEquals(0, settings.retries());
    assertEquals(Map.of(), settings.requests());
    assertEquals(Map.of(), settings.env());
  }

  @Test
  void cacheOptionsNeedTheCache() {
    assertMessage(IllegalStateException.class, "cacheSerializable needs the cache: call cache(version) too",
        () -> TaskSettings.builder().cacheSerializable(true).build());
    assertMessage(IllegalStateException.class, "cacheIgnoredInputs needs the cache: call cache(version) too",
        () -> TaskSettings.builder().cacheIgnoredInputs("seed").build());
    assertMessage(IllegalStateException.class,
        "cacheSerializable and cacheIgnoredInputs need the cache: call cache(version) too",
        () -> TaskSettings.builder().cacheSerializable(true).cacheIgnoredInputs("seed").build());
  }

  @Test
  void cacheOptionsMayComeBeforeTheCache() {
    TaskSettings settings = TaskSettings.builder().cacheSerializable(true).cacheIgnoredInputs("seed").cache("1").build();
    assertTrue(settings.cacheSerializable());
    assertEquals(List.of("seed"), settings.cacheIgnoredInputs());
  }

  @Test
  void secretMustBeGiven() {
    assertMessage(NullPointerException.class,
        "secret is null: give a SecretRequest such as SecretRequest.of(group, key)",
        () -> TaskSettings.builder().secret(null));
  }

  @Test
  void envNeedsANameAndAValue() {
    assertMessage(NullPointerException.class, "env key is null: give the environment variable's name",
        () -> TaskSettings.builder().env(null, "v"));
    assertMessage(IllegalArgumentException.class, "env key is blank: give the environment variable's name",
        () -> TaskSettings.builder().env(" ", "v"));
    assertMessage(NullPointerException.class, "env MODE is null: give a value, or \"\" for an empty one",
        () -> TaskSettings.builder().env("MODE", null));
  }

  @Test
  void tagNeedsAKeyAndAValue() {
    assertMessage(NullPointerException.class, "tag key is null: give a non-blank tag key",
        () -> TaskSettings.builder().tag(null, "v"));
    assertMessage(IllegalArgumentException.class, "tag key is blank: give a non-blank tag key",
        () -> TaskSettings.builder().tag("", "v"));
    assertMessage(NullPointerException.class, "tag team is null: give a value, or \"\" for an empty one",
        () -> TaskSettings.builder().tag("team", null));
  }

  @Test
  void resourceMustBeAResource() {
    String names = "use CPU, GPU, MEMORY, STORAGE or EPHEMERAL_STORAGE";
    assertMessage(NullPointerException.class, "request resource is null: " + names,
        () -> TaskSettings.builder().request(null, "1"));
    assertMessage(NullPointerException.class, "limit resource is null: " + names,
        () -> TaskSettings.builder().limit(null, "1"));
    assertMessage(IllegalArgumentException.class, "request resource UNKNOWN is not a resource: " + names,
        () -> TaskSettings.builder().request(ResourceName.UNKNOWN, "1"));
    assertMessage(IllegalArgumentException.class, "limit resource UNKNOWN is not a resource: " + names,
        () -> TaskSettings.builder().limit(ResourceName.UNKNOWN, "1"));
    assertMessage(IllegalArgumentException.class, "request resource UNRECOGNIZED is not a resource: " + names,
        () -> TaskSettings.builder().request(ResourceName.UNRECOGNIZED, "1"));
    assertMessage(IllegalArgumentException.class, "limit resource UNRECOGNIZED is not a resource: " + names,
        () -> TaskSettings.builder().limit(ResourceName.UNRECOGNIZED, "1"));
  }

  @Test
  void quantityMustBeGiven() {
    String fix = "give a Kubernetes quantity such as 500m, 2, 1.5Gi or 512Mi";
    assertMessage(NullPointerException.class, "cpu request is null: " + fix, () -> TaskSettings.builder().cpu(null));
    assertMessage(NullPointerException.class, "memory request is null: " + fix,
        () -> TaskSettings.builder().memory(null));
    assertMessage(NullPointerException.class, "cpu limit is null: " + fix,
        () -> TaskSettings.builder().cpuLimit(null));
    assertMessage(NullPointerException.class, "memory limit is null: " + fix,
        () -> TaskSettings.builder().memoryLimit(null));
    assertMessage(NullPointerException.class, "ephemeral storage limit is null: " + fix,
        () -> TaskSettings.builder().limit(ResourceName.EPHEMERAL_STORAGE, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1 Gi", "1GB", "abc", "", "-", "1.2.3", "Gi", " 1", "1K", "1e"})
  void quantityMustBeAKubernetesQuantity(String quantity) {
    String fix = "\" is not a Kubernetes quantity: use a number with an optional suffix such as 500m, 2, 1.5Gi or 512Mi";
    assertMessage(IllegalArgumentException.class, "memory request \"" + quantity + fix,
        () -> TaskSettings.builder().memory(quantity));
    assertMessage(IllegalArgumentException.class, "memory limit \"" + quantity + fix,
        () -> TaskSettings.builder().memoryLimit(quantity));
    assertMessage(IllegalArgumentException.class, "cpu request \"" + quantity + fix,
        () -> TaskSettings.builder().cpu(quantity));
    assertMessage(IllegalArgumentException.class, "cpu limit \"" + quantity + fix,
        () -> TaskSettings.builder().cpuLimit(quantity));
    assertMessage(IllegalArgumentException.class, "gpu request \"" + quantity + fix,
        () -> TaskSettings.builder().request(ResourceName.GPU, quantity));
    assertMessage(IllegalArgumentException.class, "storage limit \"" + quantity + fix,
        () -> TaskSettings.builder().limit(ResourceName.STORAGE, quantity));
  }

  @Test
  void theExampleMessageForABadQuantity() {
    assertMessage(IllegalArgumentException.class,
        "memory request \"1GB\" is not a Kubernetes quantity: use a number with an optional suffix such as 500m, 2,"
            + " 1.5Gi or 512Mi",
        () -> TaskSettings.builder().memory("1GB"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "-500m", "-1Gi", "-.5", "-1e3"})
  void quantityMustNotBeNegative(String quantity) {
    String fix = "\" is negative: give 0 or more, such as 500m, 2, 1.5Gi or 512Mi";
    assertMessage(IllegalArgumentException.class, "cpu request \"" + quantity + fix,
        () -> TaskSettings.builder().cpu(quantity));
    assertMessage(IllegalArgumentException.class, "memory limit \"" + quantity + fix,
        () -> TaskSettings.builder().memoryLimit(quantity));
  }

  @ParameterizedTest
  @CsvSource({
      "1, 500m",
      "1001m, 1",
      "1025Mi, 1Gi",
      "1Gi, 1G",
      "2Gi, 1Gi",
      "2001, 2e3",
      "1n, 0"})
  void requestAboveItsLimitFailsAtBuild(String request, String limit) {
    TaskSettings.Builder builder = TaskSettings.builder().memory(request).memoryLimit(limit);
    assertMessage(IllegalStateException.class,
        "memory request \"" + request + "\" is above its limit \"" + limit + "\": lower the request or raise the limit",
        builder::build);
  }

  @Test
  void requestAboveLimitNamesTheResource() {
    assertMessage(IllegalStateException.class,
        "memory request \"2Gi\" is above its limit \"1Gi\": lower the request or raise the limit",
        () -> TaskSettings.builder().memory("2Gi").memoryLimit("1Gi").build());
    assertMessage(IllegalStateException.class,
        "cpu request \"1\" is above its limit \"500m\": lower the request or raise the limit",
        () -> TaskSettings.builder().cpu("1").cpuLimit("500m").build());
    assertMessage(IllegalStateException.class,
        "ephemeral storage request \"2Gi\" is above its limit \"1Gi\": lower the request or raise the limit",
        () -> TaskSettings.builder()
            .request(ResourceName.EPHEMERAL_STORAGE, "2Gi")
            .limit(ResourceName.EPHEMERAL_STORAGE, "1Gi")
            .build());
  }

  @Test
  void requestsAreComparedWithTheLimitOfTheSameResource() {
    TaskSettings settings = TaskSettings.builder().cpu("4").memory("1Gi").memoryLimit("2Gi").cpuLimit("8").build();
    assertEquals(Map.of(ResourceName.CPU, "4", ResourceName.MEMORY, "1Gi"), settings.requests());
    // 4 CPUs against a 2Gi memory limit would fail if resources were mixed up.
    TaskSettings.Builder mixed = TaskSettings.builder().cpu("4").memoryLimit("2");
    assertEquals(Map.of(ResourceName.MEMORY, "2"), mixed.build().limits());
  }

  @Test
  void raisingTheLimitFixesABuilder() {
    TaskSettings.Builder builder = TaskSettings.builder().memory("2Gi").memoryLimit("1Gi");
    assertThrows(IllegalStateException.class, builder::build);
    assertEquals(Map.of(ResourceName.MEMORY, "2Gi"), builder.memoryLimit("2Gi").build().limits());
  }

  // --- toBuilder, equality, immutability ------------------------------------------------------

  @Test
  void toBuilderRoundTrips() {
    TaskSettings settings = full().build();
    assertEquals(settings, settings.toBuilder().build());
    assertEquals(TaskSettings.defaults(), TaskSettings.defaults().toBuilder().build());
  }

  @Test
  void toBuilderCarriesEverySetting() {
    TaskSettings copy = full().build().toBuilder().build();
    assertEquals(Optional.of("add_five"), copy.name());
    assertEquals(Optional.of("ghcr.io/acme/tasks:1.4"), copy.image());
    assertEquals(2, copy.retries());
    assertEquals(Optional.of(Duration.ofMinutes(5)), copy.timeout());
    assertEquals(Optional.of("1"), copy.cacheVersion());
    assertTrue(copy.cacheSerializable());
    assertEquals(List.of("seed"), copy.cacheIgnoredInputs());
    assertEquals(Optional.of(true), copy.interruptible());
    assertEquals(List.of(DB), copy.secrets());
    assertEquals(Map.of("MODE", "fast"), copy.env());
    assertEquals(Map.of("team", "data"), copy.tags());
    assertEquals(Map.of(ResourceName.CPU, "500m", ResourceName.MEMORY, "512Mi"), copy.requests());
    assertEquals(Map.of(ResourceName.CPU, "1", ResourceName.MEMORY, "1Gi"), copy.limits());
  }

  @Test
  void toBuilderChangesLeaveTheOriginalAlone() {
    TaskSettings original = full().build();
    TaskSettings changed = original.toBuilder()
        .retries(5)
        .secret(TOKEN)
        .env("EXTRA", "1")
        .tag("extra", "1")
        .cacheIgnoredInputs("now")
        .memoryLimit("4Gi")
        .build();
    assertEquals(full().build(), original);
    assertEquals(2, original.retries());
    assertEquals(List.of(DB), original.secrets());
    assertEquals(5, changed.retries());
    assertEquals(List.of(DB, TOKEN), changed.secrets());
    assertEquals(Map.of("EXTRA", "1", "MODE", "fast"), changed.env());
    assertEquals(Map.of("extra", "1", "team", "data"), changed.tags());
    assertEquals(List.of("seed", "now"), changed.cacheIgnoredInputs());
    assertEquals("4Gi", changed.limits().get(ResourceName.MEMORY));
  }

  @Test
  void toBuilderStillChecksTheWhole() {
    TaskSettings settings = TaskSettings.builder().memory("1Gi").memoryLimit("1Gi").build();
    assertMessage(IllegalStateException.class,
        "memory request \"1Gi\" is above its limit \"512Mi\": lower the request or raise the limit",
        () -> settings.toBuilder().memoryLimit("512Mi").build());
  }

  @Test
  void equalSettingsAreEqual() {
    TaskSettings one = full().build();
    TaskSettings two = full().build();
    assertEquals(one, two);
    assertEquals(two, one);
    assertEquals(one.hashCode(), two.hashCode());
    assertEquals(one, one);
    assertNotEquals(null, one);
    assertNotEquals("add_five", one);
  }

  @Test
  void orderOfTheMapsDoesNotMatter() {
    TaskSettings one = TaskSettings.builder().env("A", "1").env("B", "2").tag("x", "1").tag("y", "2")
        .cpu("1").memory("1Gi").build();
    TaskSettings two = TaskSettings.builder().memory("1Gi").cpu("1").tag("y", "2").tag("x", "1")
        .env("B", "2").env("A", "1").build();
    assertEquals(one, two);
    assertEquals(one.hashCode(), two.hashCode());
  }

  @Test
  void everySettingTakesPartInEquality() {
    TaskSettings base = full().build();
    Map<String, UnaryOperator<TaskSettings.Builder>> changes = new LinkedHashMap<>();
    changes.put("name", b -> b.name("add_six"));
    changes.put("image", b -> b.image("ghcr.io/acme/tasks:1.5"));
    changes.put("retries", b -> b.retries(3));
    changes.put("timeout", b -> b.timeout(Duration.ofMinutes(6)));
    changes.put("cache", b -> b.cache("2"));
    changes.put("cacheSerializable", b -> b.cacheSerializable(false));
    changes.put("cacheIgnoredInputs", b -> b.cacheIgnoredInputs("now"));
    changes.put("interruptible", b -> b.interruptible(false));
    changes.put("secret", b -> b.secret(TOKEN));
    changes.put("env", b -> b.env("MODE", "slow"));
    changes.put("tag", b -> b.tag("team", "ml"));
    changes.put("request", b -> b.cpu("250m"));
    changes.put("limit", b -> b.cpuLimit("2"));
    for (Map.Entry<String, UnaryOperator<TaskSettings.Builder>> change : changes.entrySet()) {
      TaskSettings changed = change.getValue().apply(full()).build();
      assertNotEquals(base, changed, change.getKey());
      assertNotEquals(base.hashCode(), changed.hashCode(), change.getKey());
    }
  }

  @Test
  void requestsAndLimitsAreDifferentSettings() {
    assertNotEquals(TaskSettings.builder().cpu("1").build(), TaskSettings.builder().cpuLimit("1").build());
    // Equal amounts written differently are different settings: templates carry them as written.
    assertNotEquals(TaskSettings.builder().memory("1Gi").build(), TaskSettings.builder().memory("1024Mi").build());
  }

  @Test
  void returnedCollectionsAreUnmodifiable() {
    TaskSettings settings = full().build();
    assertThrows(UnsupportedOperationException.class, () -> settings.cacheIgnoredInputs().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> settings.secrets().add(TOKEN));
    assertThrows(UnsupportedOperationException.class, () -> settings.secrets().clear());
    assertThrows(UnsupportedOperationException.class, () -> settings.env().put("X", "1"));
    assertThrows(UnsupportedOperationException.class, () -> settings.env().remove("MODE"));
    assertThrows(UnsupportedOperationException.class, () -> settings.tags().put("x", "1"));
    assertThrows(UnsupportedOperationException.class, () -> settings.requests().put(ResourceName.GPU, "1"));
    assertThrows(UnsupportedOperationException.class, () -> settings.limits().remove(ResourceName.CPU));
    assertThrows(UnsupportedOperationException.class, () -> TaskSettings.defaults().requests().put(ResourceName.GPU, "1"));
    assertThrows(UnsupportedOperationException.class, () -> TaskSettings.defaults().env().put("X", "1"));
    assertEquals(full().build(), settings);
  }

  @Test
  void builderChangesAfterBuildLeaveBuiltSettingsAlone() {
    TaskSettings.Builder builder = full();
    TaskSettings built = builder.build();
    builder.secret(TOKEN).env("MORE", "1").tag("more", "1").cacheIgnoredInputs("now")
        .request(ResourceName.GPU, "1").limit(ResourceName.GPU, "1").retries(9);
    assertEquals(full().build(), built);
    assertEquals(List.of(DB), built.secrets());
    assertEquals(Map.of("MODE", "fast"), built.env());
    assertEquals(Map.of("team", "data"), built.tags());
    assertEquals(List.of("seed"), built.cacheIgnoredInputs());
    assertFalse(built.requests().containsKey(ResourceName.GPU));
    assertFalse(built.limits().containsKey(ResourceName.GPU));
    assertNotEquals(built, builder.build());
  }

  @Test
  void toStringShowsWhatIsSetButNoEnvironmentValues() {
    assertEquals("TaskSettings{name=add_five, retries=2, timeout=PT5M}",
        TaskSettings.builder().name("add_five").retries(2).timeout(Duration.ofMinutes(5)).build().toString());
    String text = full().env("PASSWORD", "hunter2").build().toString();
    assertEquals("TaskSettings{name=add_five, image=ghcr.io/acme/tasks:1.4, retries=2, timeout=PT5M, cacheVersion=1,"
        + " cacheSerializable=true, cacheIgnoredInputs=[seed], interruptible=true, secrets=[" + DB + "],"
        + " env=[MODE, PASSWORD], tags={team=data}, requests={CPU=500m, MEMORY=512Mi},"
        + " limits={CPU=1, MEMORY=1Gi}}", text);
    assertFalse(text.contains("hunter2"), text);
  }

  private static void assertMessage(Class<? extends Throwable> type, String message, Executable call) {
    assertEquals(message, assertThrows(type, call).getMessage());
  }
}
