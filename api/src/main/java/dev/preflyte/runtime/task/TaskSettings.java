package dev.preflyte.runtime.task;

import dev.preflyte.idl.core.Resources;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The Flyte task settings of one task instance, apart from the task's configuration: its name and
 * image, retries, timeout, cache, interruptibility, secrets, environment, tags and resources.
 *
 * <p>Immutable. Start from {@link #defaults()} (everything unset) or {@link #builder()}, and derive
 * changed settings with {@link #toBuilder()}:
 *
 * <pre>{@code
 * TaskSettings settings = TaskSettings.builder()
 *     .name("add_five")
 *     .retries(2)
 *     .timeout(Duration.ofMinutes(5))
 *     .build();
 * TaskSettings bigger = settings.toBuilder().memory("2Gi").build();
 * }</pre>
 *
 * <p>Every value is checked when it is set, and the settings as a whole when they are built; a bad
 * setting fails with a one-line message naming the setting and the fix. What needs the task itself
 * (that each ignored cache input is an input of the task, for example) is checked by the task.
 *
 * <p>Maps are sorted and lists keep the order they were given in, so templates built from equal
 * settings are equal byte for byte.
 */
public final class TaskSettings {

  private static final String QUANTITY_EXAMPLES = "such as 500m, 2, 1.5Gi or 512Mi";
  private static final String RESOURCE_NAMES = "use CPU, GPU, MEMORY, STORAGE or EPHEMERAL_STORAGE";

  private static final TaskSettings DEFAULTS = new Builder().build();

  private final String name;
  private final String image;
  private final int retries;
  private final Duration timeout;
  private final String cacheVersion;
  private final boolean cacheSerializable;
  private final List<String> cacheIgnoredInputs;
  private final Boolean interruptible;
  private final List<SecretRequest> secrets;
  private final Map<String, String> env;
  private final Map<String, String> tags;
  private final Map<Resources.ResourceName, String> requests;
  private final Map<Resources.ResourceName, String> limits;

  private TaskSettings(Builder builder) {
    this.name = builder.name;
    this.image = builder.image;
    this.retries = builder.retries;
    this.timeout = builder.timeout;
    this.cacheVersion = builder.cacheVersion;
    this.cacheSerializable = builder.cacheSerializable;
    this.cacheIgnoredInputs = List.copyOf(builder.cacheIgnoredInputs);
    this.interruptible = builder.interruptible;
    this.secrets = List.copyOf(builder.secrets);
    this.env = Collections.unmodifiableMap(new TreeMap<>(builder.env));
    this.tags = Collections.unmodifiableMap(new TreeMap<>(builder.tags));
    this.requests = unmodifiableResources(builder.requests);
    this.limits = unmodifiableResources(builder.limits);
  }

  /** Settings with nothing set: the task's defaults everywhere. */
  public static TaskSettings defaults() {
    return DEFAULTS;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings; building it unchanged gives settings equal to these. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The task's name in Flyte; empty means the task's default name. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The image this task instance runs in; empty means the image the annotation names. */
  public Optional<String> image() {
    return Optional.ofNullable(image);
  }

  /**
   * How many times Flyte retries the task after a recoverable failure; 0 by default. See
   * {@link Builder#retries(int)} for where Flyte takes it from.
   */
  public int retries() {
    return retries;
  }

  /**
   * How long one attempt may run; empty means no timeout. See {@link Builder#timeout(Duration)} for
   * where Flyte honours it.
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** The version Flyte's output cache is keyed by; present means the cache is on. */
  public Optional<String> cacheVersion() {
    return Optional.ofNullable(cacheVersion);
  }

  /** Whether only one execution with the same cache key runs at a time; false by default. */
  public boolean cacheSerializable() {
    return cacheSerializable;
  }

  /** The inputs left out of the cache key, in the order given, without repeats; unmodifiable. */
  public List<String> cacheIgnoredInputs() {
    return cacheIgnoredInputs;
  }

  /**
   * Whether the task may run on interruptible (spot) machines; empty leaves it to the workflow. See
   * {@link Builder#interruptible(boolean)} for where Flyte honours it.
   */
  public Optional<Boolean> interruptible() {
    return Optional.ofNullable(interruptible);
  }

  /** The secrets Flyte mounts for the task, in the order given; unmodifiable. */
  public List<SecretRequest> secrets() {
    return secrets;
  }

  /** The environment variables set in the task's container, sorted by name; unmodifiable. */
  public Map<String, String> env() {
    return env;
  }

  /** The tags of the task's metadata, sorted by key; unmodifiable. */
  public Map<String, String> tags() {
    return tags;
  }

  /** The resource requests as Kubernetes quantities, in resource order; unmodifiable. */
  public Map<Resources.ResourceName, String> requests() {
    return requests;
  }

  /** The resource limits as Kubernetes quantities, in resource order; unmodifiable. */
  public Map<Resources.ResourceName, String> limits() {
    return limits;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof TaskSettings)) {
      return false;
    }
    TaskSettings that = (TaskSettings) other;
    return retries == that.retries
        && cacheSerializable == that.cacheSerializable
        && Objects.equals(name, that.name)
        && Objects.equals(image, that.image)
        && Objects.equals(timeout, that.timeout)
        && Objects.equals(cacheVersion, that.cacheVersion)
        && cacheIgnoredInputs.equals(that.cacheIgnoredInputs)
        && Objects.equals(interruptible, that.interruptible)
        && secrets.equals(that.secrets)
        && env.equals(that.env)
        && tags.equals(that.tags)
        && requests.equals(that.requests)
        && limits.equals(that.limits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, image, retries, timeout, cacheVersion, cacheSerializable, cacheIgnoredInputs,
        interruptible, secrets, env, tags, requests, limits);
  }

  /**
   * The settings that are set, for logs: {@code TaskSettings{name=add_five, retries=2, timeout=PT5M}}.
   * Environment variables appear by name only, since their values may be credentials.
   */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "TaskSettings{", "}");
    if (name != null) {
      text.add("name=" + name);
    }
    if (image != null) {
      text.add("image=" + image);
    }
    if (retries != 0) {
      text.add("retries=" + retries);
    }
    if (timeout != null) {
      text.add("timeout=" + timeout);
    }
    if (cacheVersion != null) {
      text.add("cacheVersion=" + cacheVersion);
    }
    if (cacheSerializable) {
      text.add("cacheSerializable=true");
    }
    if (!cacheIgnoredInputs.isEmpty()) {
      text.add("cacheIgnoredInputs=" + cacheIgnoredInputs);
    }
    if (interruptible != null) {
      text.add("interruptible=" + interruptible);
    }
    if (!secrets.isEmpty()) {
      text.add("secrets=" + secrets);
    }
    if (!env.isEmpty()) {
      text.add("env=" + env.keySet());
    }
    if (!tags.isEmpty()) {
      text.add("tags=" + tags);
    }
    if (!requests.isEmpty()) {
      text.add("requests=" + requests);
    }
    if (!limits.isEmpty()) {
      text.add("limits=" + limits);
    }
    return text.toString();
  }

  private static Map<Resources.ResourceName, String> unmodifiableResources(
      Map<Resources.ResourceName, String> resources) {
    return resources.isEmpty()
        ? Collections.emptyMap()
        : Collections.unmodifiableMap(new EnumMap<>(resources));
  }

  /**
   * Collects task settings. Each setter checks its value at once; {@link #build()} checks the
   * settings together. Setting a value again replaces it, except for {@link #secret},
   * {@link #cacheIgnoredInputs}, {@link #env} and {@link #tag}, which add to what is there (a key
   * given again takes the new value). Not thread-safe; it can go on being used after {@code build()}.
   */
  public static final class Builder {
    private String name;
    private String image;
    private int retries;
    private Duration timeout;
    private String cacheVersion;
    private boolean cacheSerializable;
    private final Set<String> cacheIgnoredInputs = new LinkedHashSet<>();
    private Boolean interruptible;
    private final List<SecretRequest> secrets = new ArrayList<>();
    private final Map<String, String> env = new TreeMap<>();
    private final Map<String, String> tags = new TreeMap<>();
    private final Map<Resources.ResourceName, String> requests = new EnumMap<>(Resources.ResourceName.class);
    private final Map<Resources.ResourceName, String> limits = new EnumMap<>(Resources.ResourceName.class);

    private Builder() {}

    private Builder(TaskSettings settings) {
      this.name = settings.name;
      this.image = settings.image;
      this.retries = settings.retries;
      this.timeout = settings.timeout;
      this.cacheVersion = settings.cacheVersion;
      this.cacheSerializable = settings.cacheSerializable;
      this.cacheIgnoredInputs.addAll(settings.cacheIgnoredInputs);
      this.interruptible = settings.interruptible;
      this.secrets.addAll(settings.secrets);
      this.env.putAll(settings.env);
      this.tags.putAll(settings.tags);
      this.requests.putAll(settings.requests);
      this.limits.putAll(settings.limits);
    }

    /**
     * The task's name in Flyte, under which it is registered and called. Unset, the task picks its
     * default name.
     *
     * @param name a non-blank name, {@code "add_five"} for example
     */
    public Builder name(String name) {
      this.name = requireText(name, "name", "give the task's name in Flyte, or leave name unset for the default");
      return this;
    }

    /**
     * Runs this task instance in another image than the annotation names. The image must run
     * {@code preflyte-execute} and have the task's executor on its class path.
     *
     * @param image a non-blank image reference, {@code "ghcr.io/acme/tasks:1.4"} for example
     */
    public Builder image(String image) {
      this.image = requireText(image, "image",
          "give an image reference such as ghcr.io/acme/tasks:1.4, or leave image unset for the annotation's image");
      return this;
    }

    /**
     * How many times Flyte retries the task after a recoverable failure; 0 (the default) means no
     * retries. Propeller takes the node's retries when the workflow node sets them and falls back to
     * the task template's value otherwise, so this value holds wherever the task is called from
     * unless the caller overrides it.
     *
     * @param retries 0 or more
     */
    public Builder retries(int retries) {
      if (retries < 0) {
        throw new IllegalArgumentException("retries is " + retries + ": give 0 or more");
      }
      this.retries = retries;
      return this;
    }

    /**
     * How long one attempt may run before Flyte stops it. Unset, there is no timeout.
     *
     * <p>Where Flyte honours it: propeller takes a task's timeout (its deadline) from the workflow
     * node, not from the task. A workflow compiled with this task's template (one built in Java)
     * carries the timeout into its nodes. A Python workflow that calls the registered task through
     * {@code reference_task} or {@code FlyteRemote} has only the task's id, so there the timeout must
     * be set on the call: {@code with_overrides(timeout=...)}.
     *
     * @param timeout a positive duration
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout is null: give a positive duration, or leave timeout unset for none");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout is " + timeout + ": give a positive duration");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Turns Flyte's output cache on: an execution with the same inputs and the same version reuses
     * the outputs of an earlier one instead of running. Change the version when the task's results
     * change for the same inputs.
     *
     * @param version a non-blank version to key the cache by, {@code "1"} for example
     */
    public Builder cache(String version) {
      this.cacheVersion = requireText(version, "cache version", "give a version to key the cache by");
      return this;
    }

    /**
     * Whether only one execution with the same cache key may run at a time, the others waiting for
     * its outputs. Needs {@link #cache(String)}: {@code true} without the cache fails at
     * {@link #build()}.
     *
     * @param cacheSerializable true to run one execution per cache key at a time
     */
    public Builder cacheSerializable(boolean cacheSerializable) {
      this.cacheSerializable = cacheSerializable;
      return this;
    }

    /**
     * Leaves inputs out of the cache key; adds to the inputs given before, ignoring repeats. Each
     * must be an input of the task (the task checks that). Needs {@link #cache(String)}: inputs
     * without the cache fail at {@link #build()}.
     *
     * @param inputs the names of inputs, none blank
     */
    public Builder cacheIgnoredInputs(String... inputs) {
      Objects.requireNonNull(inputs, "cacheIgnoredInputs is null: give the names of inputs to leave out of the cache key");
      List<String> checked = new ArrayList<>(inputs.length);
      for (String input : inputs) {
        checked.add(requireText(input, "cacheIgnoredInputs has a name that",
            "give the names of inputs to leave out of the cache key"));
      }
      this.cacheIgnoredInputs.addAll(checked);
      return this;
    }

    /**
     * Whether the task may run on interruptible (spot) machines, which are cheaper but may stop it.
     * Unset leaves it to the workflow.
     *
     * <p>Where Flyte honours it: propeller takes {@code interruptible} from the workflow node, not
     * from the task. A workflow compiled with this task's template (one built in Java) carries it
     * into its nodes. A Python workflow that calls the registered task through
     * {@code reference_task} or {@code FlyteRemote} has only the task's id, so there it must be set
     * on the call: {@code with_overrides(interruptible=...)}.
     *
     * @param interruptible true to allow interruptible machines, false to forbid them
     */
    public Builder interruptible(boolean interruptible) {
      this.interruptible = interruptible;
      return this;
    }

    /**
     * Asks Flyte to mount a secret for the task; call once per secret. Read it at run time with
     * {@code ExecutionContext.secrets()}.
     *
     * @param secret the secret, {@code SecretRequest.of("db", "password")} for example
     */
    public Builder secret(SecretRequest secret) {
      this.secrets.add(Objects.requireNonNull(secret,
          "secret is null: give a SecretRequest such as SecretRequest.of(group, key)"));
      return this;
    }

    /**
     * Sets an environment variable in the task's container; a name given again takes the new value.
     * Secrets belong in {@link #secret(SecretRequest)}, not here: environment values are stored in
     * the registered task.
     *
     * @param key the variable's name, not blank
     * @param value its value, {@code ""} for an empty one
     */
    public Builder env(String key, String value) {
      requireText(key, "env key", "give the environment variable's name");
      Objects.requireNonNull(value, "env " + key + " is null: give a value, or \"\" for an empty one");
      this.env.put(key, value);
      return this;
    }

    /**
     * Adds a tag to the task's metadata; a key given again takes the new value.
     *
     * @param key the tag's key, not blank
     * @param value its value, {@code ""} for an empty one
     */
    public Builder tag(String key, String value) {
      requireText(key, "tag key", "give a non-blank tag key");
      Objects.requireNonNull(value, "tag " + key + " is null: give a value, or \"\" for an empty one");
      this.tags.put(key, value);
      return this;
    }

    /**
     * Requests a resource for the task's container: Kubernetes schedules the pod where this much is
     * free. A request above the limit for the same resource fails at {@link #build()}.
     *
     * @param resource CPU, GPU, MEMORY, STORAGE or EPHEMERAL_STORAGE
     * @param quantity a Kubernetes quantity of 0 or more: {@code "500m"}, {@code "2"},
     *     {@code "1.5Gi"}, {@code "512Mi"}
     */
    public Builder request(Resources.ResourceName resource, String quantity) {
      this.requests.put(checkResource(resource, "request"), checkQuantity(resource, "request", quantity));
      return this;
    }

    /**
     * Limits a resource of the task's container: Kubernetes throttles CPU above it and stops the
     * container above its memory limit.
     *
     * @param resource CPU, GPU, MEMORY, STORAGE or EPHEMERAL_STORAGE
     * @param quantity a Kubernetes quantity of 0 or more: {@code "500m"}, {@code "2"},
     *     {@code "1.5Gi"}, {@code "512Mi"}
     */
    public Builder limit(Resources.ResourceName resource, String quantity) {
      this.limits.put(checkResource(resource, "limit"), checkQuantity(resource, "limit", quantity));
      return this;
    }

    /**
     * Requests CPU: {@code request(CPU, quantity)}.
     *
     * @param quantity cores as a Kubernetes quantity, {@code "500m"} or {@code "2"} for example
     */
    public Builder cpu(String quantity) {
      return request(Resources.ResourceName.CPU, quantity);
    }

    /**
     * Requests memory: {@code request(MEMORY, quantity)}.
     *
     * @param quantity bytes as a Kubernetes quantity, {@code "512Mi"} or {@code "1Gi"} for example
     */
    public Builder memory(String quantity) {
      return request(Resources.ResourceName.MEMORY, quantity);
    }

    /**
     * Limits CPU: {@code limit(CPU, quantity)}.
     *
     * @param quantity cores as a Kubernetes quantity, {@code "500m"} or {@code "2"} for example
     */
    public Builder cpuLimit(String quantity) {
      return limit(Resources.ResourceName.CPU, quantity);
    }

    /**
     * Limits memory: {@code limit(MEMORY, quantity)}.
     *
     * @param quantity bytes as a Kubernetes quantity, {@code "512Mi"} or {@code "1Gi"} for example
     */
    public Builder memoryLimit(String quantity) {
      return limit(Resources.ResourceName.MEMORY, quantity);
    }

    /**
     * The settings collected so far.
     *
     * @throws IllegalStateException when settings contradict each other: cache options without the
     *     cache, or a request above its limit
     */
    public TaskSettings build() {
      List<String> needCache = new ArrayList<>();
      if (cacheVersion == null && cacheSerializable) {
        needCache.add("cacheSerializable");
      }
      if (cacheVersion == null && !cacheIgnoredInputs.isEmpty()) {
        needCache.add("cacheIgnoredInputs");
      }
      if (!needCache.isEmpty()) {
        throw new IllegalStateException(String.join(" and ", needCache)
            + (needCache.size() == 1 ? " needs" : " need") + " the cache: call cache(version) too");
      }
      for (Map.Entry<Resources.ResourceName, String> request : requests.entrySet()) {
        String limit = limits.get(request.getKey());
        if (limit != null && value(request.getValue()).compareTo(value(limit)) > 0) {
          throw new IllegalStateException(label(request.getKey()) + " request \"" + request.getValue()
              + "\" is above its limit \"" + limit + "\": lower the request or raise the limit");
        }
      }
      return new TaskSettings(this);
    }

    private static BigDecimal value(String checkedQuantity) {
      return ResourceQuantity.parse(checkedQuantity).orElseThrow();
    }

    private static Resources.ResourceName checkResource(Resources.ResourceName resource, String kind) {
      Objects.requireNonNull(resource, kind + " resource is null: " + RESOURCE_NAMES);
      if (resource == Resources.ResourceName.UNKNOWN || resource == Resources.ResourceName.UNRECOGNIZED) {
        throw new IllegalArgumentException(kind + " resource " + resource + " is not a resource: " + RESOURCE_NAMES);
      }
      return resource;
    }

    private static String checkQuantity(Resources.ResourceName resource, String kind, String quantity) {
      String setting = label(resource) + " " + kind;
      Objects.requireNonNull(quantity, setting + " is null: give a Kubernetes quantity " + QUANTITY_EXAMPLES);
      Optional<BigDecimal> value = ResourceQuantity.parse(quantity);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(setting + " \"" + quantity
            + "\" is not a Kubernetes quantity: use a number with an optional suffix " + QUANTITY_EXAMPLES);
      }
      if (value.get().signum() < 0) {
        throw new IllegalArgumentException(setting + " \"" + quantity
            + "\" is negative: give 0 or more, " + QUANTITY_EXAMPLES);
      }
      return quantity;
    }

    /** How messages name a resource: {@code cpu}, {@code memory}, {@code ephemeral storage}. */
    private static String label(Resources.ResourceName resource) {
      return resource.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String requireText(String value, String setting, String fix) {
      Objects.requireNonNull(value, setting + " is null: " + fix);
      if (value.isBlank()) {
        throw new IllegalArgumentException(setting + " is blank: " + fix);
      }
      return value;
    }
  }
}
