package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.Identifier;
import dev.preflyte.idl.core.ResourceType;
import java.util.Map;
import java.util.Optional;

/** Reads what Flyte's container plugin tells a task through {@code FLYTE_*} environment variables. */
public final class FlyteEnvironment {

  private final Map<String, String> environment;

  public FlyteEnvironment(Map<String, String> environment) {
    this.environment = environment;
  }

  /** The execution ({@code FLYTE_INTERNAL_EXECUTION_ID/PROJECT/DOMAIN}), if Flyte set its id. */
  public Optional<Identifier> executionId() {
    String name = value("FLYTE_INTERNAL_EXECUTION_ID");
    if (name == null) {
      return Optional.empty();
    }
    Identifier.Builder id = Identifier.newBuilder().setName(name);
    Optional.ofNullable(value("FLYTE_INTERNAL_EXECUTION_PROJECT")).ifPresent(id::setProject);
    Optional.ofNullable(value("FLYTE_INTERNAL_EXECUTION_DOMAIN")).ifPresent(id::setDomain);
    return Optional.of(id.build());
  }

  /** The task ({@code FLYTE_INTERNAL_TASK_*}), each part falling back to the template's id. */
  public Identifier taskId(Identifier templateId) {
    Identifier.Builder id = templateId.toBuilder().setResourceType(ResourceType.TASK);
    Optional.ofNullable(value("FLYTE_INTERNAL_TASK_PROJECT")).ifPresent(id::setProject);
    Optional.ofNullable(value("FLYTE_INTERNAL_TASK_DOMAIN")).ifPresent(id::setDomain);
    Optional.ofNullable(value("FLYTE_INTERNAL_TASK_NAME")).ifPresent(id::setName);
    Optional.ofNullable(value("FLYTE_INTERNAL_TASK_VERSION")).ifPresent(id::setVersion);
    return id.build();
  }

  /** {@code FLYTE_ATTEMPT_NUMBER}, 0 when absent or not a number. */
  public int attemptNumber() {
    String attempt = value("FLYTE_ATTEMPT_NUMBER");
    if (attempt == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(attempt.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Whether {@code FLYTE_FAIL_ON_ERROR} is {@code true}, {@code t} or {@code 1} (any case), as flytekit
   * reads it: exit 1 after writing error.pb.
   */
  public boolean failOnError() {
    String value = value("FLYTE_FAIL_ON_ERROR");
    if (value == null) {
      return false;
    }
    String flag = value.strip();
    return flag.equalsIgnoreCase("true") || flag.equalsIgnoreCase("t") || flag.equals("1");
  }

  /**
   * Whether propeller asks for large outputs to be offloaded: flytekit's test is only that {@code
   * _F_L_MIN_SIZE_MB} is set. Checked here so a run without it loads nothing of {@link OutputOffloading}.
   */
  public boolean offloadsOutputs() {
    return environment.get(OutputOffloading.MIN_SIZE_MB) != null;
  }

  /** The name of this worker for error documents: the pod's host name. */
  public String workerName() {
    String host = value("HOSTNAME");
    if (host != null) {
      return host;
    }
    // Avoid a DNS lookup: the kernel's host name is what a pod's HOSTNAME holds.
    try {
      String name = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // Not Linux: fall back to the resolver.
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private String value(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
