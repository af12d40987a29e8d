package dev.preflyte.register;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.Identifier;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.register.idl.TaskCreateRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptors;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers tasks with FlyteAdmin through its gRPC {@code AdminService.CreateTask}, and reads
 * FlyteAdmin's answers as flytectl and pyflyte do: {@code OK} is registered, {@code ALREADY_EXISTS}
 * (the identical task under that id) is unchanged and a success, {@code INVALID_ARGUMENT} for a
 * different structure under the same version asks for a new version, anything else fails naming
 * the task and the status. Every call is bounded by the settings' call timeout.
 *
 * <p>Thread-safe: one client serves concurrent registrations over one HTTP/2 connection.
 */
public final class AdminClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AdminClient.class);

  /** FlyteAdmin's message for a different task under an existing id (task_manager.go). */
  static final String DIFFERENT_STRUCTURE = "task with different structure already exists";

  private final AdminSettings settings;
  private final ManagedChannel channel;
  private final TokenProvider tokens;

  private AdminClient(AdminSettings settings, ManagedChannel channel, TokenProvider tokens) {
    this.settings = settings;
    this.channel = channel;
    this.tokens = tokens;
  }

  /**
   * Prepares a connection; it opens on the first call, so an endpoint that cannot be reached fails
   * that call (within its bound), not this method.
   *
   * @throws RegistrationException when the CA file or the client secret settings are unusable
   */
  public static AdminClient connect(AdminSettings settings) throws RegistrationException {
    Objects.requireNonNull(settings, "settings");
    ChannelCredentials credentials;
    if (settings.insecure()) {
      credentials = InsecureChannelCredentials.create();
    } else if (settings.caCertFile().isPresent()) {
      CaCertificates.check(settings.caCertFile().get());
      try {
        credentials = TlsChannelCredentials.newBuilder()
            .trustManager(settings.caCertFile().get().toFile())
            .build();
      } catch (IOException e) {
        throw new RegistrationException(
            "cannot use the CA certificate file " + settings.caCertFile().get() + ": " + e.getMessage(), e);
      }
    } else {
      credentials = TlsChannelCredentials.create();
    }
    TokenProvider tokens = null;
    if (settings.auth() instanceof AdminAuth.ClientCredentials client) {
      tokens = new ClientCredentialsTokens(client, settings.callTimeout(), settings.tokenTimeout(),
          settings.caCertFile());
    } else if (settings.auth() instanceof AdminAuth.ExternalCommand command) {
      tokens = new ExternalCommandTokens(command);
    }
    AdminEndpoint endpoint = settings.endpoint();
    ManagedChannel channel = NettyChannelBuilder.forAddress(endpoint.host(), endpoint.port(), credentials)
        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
            settings.connectTimeout().toMillis()))
        .userAgent("preflyte-register")
        .build();
    return new AdminClient(settings, channel, tokens);
  }

  public AdminSettings settings() {
    return settings;
  }

  /**
   * Registers one task.
   *
   * @return registered, or unchanged when FlyteAdmin holds the identical task under {@code id}
   * @throws RegistrationException with a one-line message naming the task: a different structure
   *     under this version (register a new version), FlyteAdmin's rejection, an endpoint that cannot
   *     be reached or does not answer in time, or failed authentication
   */
  public RegistrationResult createTask(Identifier id, TaskSpec spec) throws RegistrationException {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(spec, "spec");
    TaskCreateRequest request = TaskCreateRequest.newBuilder().setId(id).setSpec(spec).build();
    String task = "task " + RegistrationResult.describe(id);
    for (int attempt = 0; ; attempt++) {
      String token = null;
      Channel target = channel;
      if (tokens != null) {
        try {
          token = tokens.token(channel);
        } catch (RegistrationException e) {
          throw new RegistrationException(RegistrationException.Reason.AUTHENTICATION,
              task + ": " + e.getMessage(), e);
        }
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of(tokens.metadataKey(), Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        target = ClientInterceptors.intercept(channel, MetadataUtils.newAttachHeadersInterceptor(headers));
      }
      try {
        ClientCalls.blockingUnaryCall(target, AdminMethods.CREATE_TASK, callOptions(), request);
        LOG.debug("registered {}", task);
        return new RegistrationResult(id, RegistrationResult.Outcome.REGISTERED, "");
      } catch (StatusRuntimeException e) {
        Status status = e.getStatus();
        if (status.getCode() == Status.Code.ALREADY_EXISTS) {
          LOG.debug("unchanged {}", task);
          return new RegistrationResult(id, RegistrationResult.Outcome.UNCHANGED, "");
        }
        if (status.getCode() == Status.Code.UNAUTHENTICATED && tokens != null && attempt == 0) {
          tokens.invalidate(token);   // expired or revoked early: one more try with a fresh token
          continue;
        }
        throw new RegistrationException(reason(status), hide(classify(task, id, status), token), e);
      }
    }
  }

  /**
   * Registers {@code specs} under {@code project}, {@code domain} and {@code version}, replacing
   * those parts of each template's id (flytekit's {@code {{ registration.* }}} placeholders
   * included) and keeping its name, with at most {@code concurrency} calls at a time.
   *
   * @return one result per spec, in the given order; failures are in it, not thrown
   */
  public RegistrationSummary registerAll(
      List<TaskSpec> specs, String project, String domain, String version, int concurrency) {
    Objects.requireNonNull(specs, "specs");
    requireText(project, "project");
    requireText(domain, "domain");
    requireText(version, "version");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
    }
    if (specs.isEmpty()) {
      return new RegistrationSummary(List.of());
    }
    AtomicReference<String> stop = new AtomicReference<>();
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, specs.size()), runnable -> {
      Thread thread = new Thread(runnable, "preflyte-register-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<RegistrationResult>> futures = new ArrayList<>(specs.size());
      for (int i = 0; i < specs.size(); i++) {
        TaskSpec spec = specs.get(i);
        int index = i;
        futures.add(pool.submit(() -> registerOne(spec, index, project, domain, version, stop)));
      }
      List<RegistrationResult> results = new ArrayList<>(specs.size());
      for (Future<RegistrationResult> future : futures) {
        results.add(future.get());
      }
      RegistrationSummary summary = new RegistrationSummary(results);
      LOG.info("{} on {}", summary.summaryLine(), settings.endpoint());
      return summary;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while registering tasks", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("registering a task failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The id a spec is registered under: its template's name with the given project, domain and
   * version, resource type TASK.
   *
   * @throws IllegalArgumentException when the spec has no template or the template no name
   */
  public static Identifier taskId(TaskSpec spec, String project, String domain, String version) {
    if (!spec.hasTemplate()) {
      throw new IllegalArgumentException("the task spec has no template");
    }
    String name = spec.getTemplate().getId().getName();
    if (name.isBlank()) {
      throw new IllegalArgumentException("the task spec's template has no name in its id");
    }
    return spec.getTemplate().getId().toBuilder()
        .setResourceType(ResourceType.TASK)
        .setProject(project)
        .setDomain(domain)
        .setName(name)
        .setVersion(version)
        .build();
  }

  /**
   * Registers one spec of a batch. After a failure that every task would meet (FlyteAdmin
   * unreachable, silent, or refusing the credentials) the remaining tasks are not sent, so a batch
   * against a dead endpoint ends within about one call timeout instead of one per task.
   */
  private RegistrationResult registerOne(TaskSpec spec, int index, String project, String domain,
      String version, AtomicReference<String> stop) {
    Identifier id;
    try {
      id = taskId(spec, project, domain, version);
    } catch (IllegalArgumentException e) {
      Identifier unnamed = Identifier.newBuilder().setResourceType(ResourceType.TASK).setProject(project)
          .setDomain(domain).setName("#" + index).setVersion(version).build();
      return new RegistrationResult(unnamed, RegistrationResult.Outcome.FAILED,
          "task spec #" + index + ": " + e.getMessage());
    }
    String earlier = stop.get();
    if (earlier != null) {
      return new RegistrationResult(id, RegistrationResult.Outcome.FAILED,
          "task " + RegistrationResult.describe(id) + ": not sent after an earlier failure (" + earlier + ")");
    }
    TaskSpec hydrated = spec.toBuilder().setTemplate(spec.getTemplate().toBuilder().setId(id)).build();
    try {
      return createTask(id, hydrated);
    } catch (RegistrationException e) {
      if (e.affectsEveryTask()) {
        stop.compareAndSet(null, e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      }
      return new RegistrationResult(id, RegistrationResult.Outcome.FAILED, e.getMessage());
    } catch (RuntimeException e) {
      return new RegistrationResult(id, RegistrationResult.Outcome.FAILED,
          "task " + RegistrationResult.describe(id) + ": " + RegistrationException.oneLine(e.toString()));
    }
  }

  private static RegistrationException.Reason reason(Status status) {
    switch (status.getCode()) {
      case INVALID_ARGUMENT:
        return status.getDescription() != null && status.getDescription().contains(DIFFERENT_STRUCTURE)
            ? RegistrationException.Reason.DIFFERENT_STRUCTURE : RegistrationException.Reason.REJECTED;
      case FAILED_PRECONDITION:
      case NOT_FOUND:
        return RegistrationException.Reason.REJECTED;
      case DEADLINE_EXCEEDED:
        return RegistrationException.Reason.TIMEOUT;
      case UNAVAILABLE:
        return RegistrationException.Reason.UNREACHABLE;
      case UNAUTHENTICATED:
      case PERMISSION_DENIED:
        return RegistrationException.Reason.AUTHENTICATION;
      default:
        return RegistrationException.Reason.OTHER;
    }
  }

  private String classify(String task, Identifier id, Status status) {
    String endpoint = settings.endpoint().toString();
    switch (status.getCode()) {
      case INVALID_ARGUMENT:
        if (status.getDescription() != null && status.getDescription().contains(DIFFERENT_STRUCTURE)) {
          return task + " is already registered with a different structure under version "
              + id.getVersion() + ": register it under a new version";
        }
        return task + " was rejected by FlyteAdmin: " + Statuses.describe(status);
      case DEADLINE_EXCEEDED:
        return task + ": FlyteAdmin at " + endpoint + " did not answer within "
            + seconds(settings.callTimeout()) + " (DEADLINE_EXCEEDED)";
      case UNAVAILABLE:
        return task + ": cannot reach FlyteAdmin at " + endpoint + ": " + Statuses.describe(status);
      case UNAUTHENTICATED:
        return task + ": FlyteAdmin at " + endpoint + " refused the credentials: " + Statuses.describe(status);
      case PERMISSION_DENIED:
        return task + ": FlyteAdmin at " + endpoint + " denied the registration: " + Statuses.describe(status);
      default:
        return task + " failed: FlyteAdmin at " + endpoint + " answered " + Statuses.describe(status);
    }
  }

  /** Defensive: a server or proxy that echoes the token must not bring it into a message. */
  private static String hide(String message, String token) {
    return token == null || token.isEmpty() ? message : message.replace(token, "<token>");
  }

  private CallOptions callOptions() {
    return CallOptions.DEFAULT.withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private static String seconds(java.time.Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis / 1000.0 + "s";
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is empty");
    }
  }

  /** Closes the connection, waiting a little for calls in flight. */
  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
