package dev.preflyte.cli;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.register.AdminClient;
import dev.preflyte.register.AdminEndpoint;
import dev.preflyte.register.AdminSettings;
import dev.preflyte.register.ConfigException;
import dev.preflyte.register.FlyteConfig;
import dev.preflyte.register.RegistrationException;
import dev.preflyte.register.RegistrationSummary;
import dev.preflyte.runtime.registry.DeclaredTask;
import dev.preflyte.runtime.task.RegistrationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What {@code preflyte register} does, for every tool that registers (the command, the Maven plugin):
 * where to connect, from an endpoint or flytectl's config file, and the tasks sent to FlyteAdmin.
 */
public final class TaskRegistration {

  private TaskRegistration() {}

  /** Whether {@code ids} still holds a placeholder: FlyteAdmin stores a task under all three. */
  public static boolean incomplete(RegistrationSettings ids) {
    return ids.project().equals(RegistrationOptions.PROJECT) || ids.domain().equals(RegistrationOptions.DOMAIN)
        || ids.version().equals(RegistrationOptions.VERSION);
  }

  /**
   * Where to connect: {@code endpoint} when given, else the config file ({@code config}, else
   * flytectl's default); a usage mistake becomes {@code usageError}'s exception, others a CliException.
   */
  public static AdminSettings adminSettings(String endpoint, boolean insecure, Path config,
      Function<String, RuntimeException> usageError) {
    AdminSettings.Builder settings;
    Path file = config != null ? config : FlyteConfig.defaultFile();
    try {
      if (config != null || (endpoint == null && Files.isRegularFile(file))) {
        settings = FlyteConfig.load(file);
      } else {
        settings = AdminSettings.builder();
      }
    } catch (ConfigException e) {
      throw new CliException(e.getMessage(), e);
    }
    if (endpoint != null) {
      try {
        settings.endpoint(AdminEndpoint.parse(endpoint, insecure));
      } catch (IllegalArgumentException e) {
        throw usageError.apply("--endpoint " + e.getMessage());
      }
    } else if (config == null && !Files.isRegularFile(file)) {
      throw usageError.apply("no FlyteAdmin endpoint: give --endpoint HOST:PORT, or admin.endpoint in " + file);
    }
    if (insecure) {
      settings.insecure(true);
    }
    try {
      return settings.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** One TaskSpec per declared task, its id filled from {@code ids}. */
  public static List<TaskSpec> specsOf(List<DeclaredTask> tasks, RegistrationSettings ids) {
    List<TaskSpec> specs = new ArrayList<>();
    for (DeclaredTask task : tasks) {
      specs.add(TaskSpec.newBuilder().setTemplate(task.toTaskTemplate(ids)).build());
    }
    return specs;
  }

  /**
   * {@code specs} with their images replaced by {@code images}, each checked for its size (a
   * warning line to {@code warnings}; a CliException above FlyteAdmin's limit).
   */
  public static List<TaskSpec> prepare(List<TaskSpec> specs, Map<String, String> images, Consumer<String> warnings) {
    List<TaskSpec> replaced = specs.stream()
        .map(task -> task.toBuilder().setTemplate(ImageOptions.apply(images, task.getTemplate())).build())
        .toList();
    for (TaskSpec task : replaced) {
      TemplateSizeGuard.check(task.getTemplate().getId().getName(), task.getTemplate(), warnings);
    }
    return replaced;
  }

  /** Registers {@code specs} under {@code ids}: the summary, failures included. */
  public static RegistrationSummary register(List<TaskSpec> specs, RegistrationSettings ids, AdminSettings admin,
      int concurrency) {
    try (AdminClient client = AdminClient.connect(admin)) {
      return client.registerAll(specs, ids.project(), ids.domain(), ids.version(), concurrency);
    } catch (RegistrationException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
