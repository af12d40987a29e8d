package dev.preflyte.register;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.Identifier;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.register.idl.OAuth2MetadataResponse;
import dev.preflyte.register.idl.PublicClientAuthConfigResponse;
import dev.preflyte.register.idl.TaskCreateRequest;
import dev.preflyte.register.idl.TaskCreateResponse;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in FlyteAdmin on 127.0.0.1: a real grpc-java server with Flyte's service and method
 * names that applies FlyteAdmin's CreateTask rules (flyteadmin's task manager): a complete id of
 * resource type TASK, a spec with template, container image, interface and runtime version; an id
 * that exists gives ALREADY_EXISTS for the identical spec and INVALID_ARGUMENT for a different one.
 * It records the authorization metadata of every CreateTask and can require a bearer token.
 */
public final class AdminStandIn implements AutoCloseable {

  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final Map<String, ByteString> tasks = new ConcurrentHashMap<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final Set<String> acceptedTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger createCalls = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile String tokenEndpoint = "";
  private volatile List<String> scopes = List.of();
  private volatile String metadataKey = "";
  private volatile long createDelayMillis;
  private final Server server;

  private AdminStandIn(ServerCredentials credentials) {
    ServerServiceDefinition admin = ServerServiceDefinition.builder(AdminMethods.ADMIN_SERVICE)
        .addMethod(AdminMethods.CREATE_TASK, ServerCalls.asyncUnaryCall(this::createTask))
        .build();
    ServerServiceDefinition auth = ServerServiceDefinition.builder(AdminMethods.AUTH_METADATA_SERVICE)
        .addMethod(AdminMethods.GET_OAUTH2_METADATA, ServerCalls.asyncUnaryCall((request, response) -> {
          response.onNext(OAuth2MetadataResponse.newBuilder().setTokenEndpoint(tokenEndpoint)
              .addGrantTypesSupported("client_credentials").build());
          response.onCompleted();
        }))
        .addMethod(AdminMethods.GET_PUBLIC_CLIENT_CONFIG, ServerCalls.asyncUnaryCall((request, response) -> {
          response.onNext(PublicClientAuthConfigResponse.newBuilder().setClientId("flytectl")
              .addAllScopes(scopes).setAuthorizationMetadataKey(metadataKey).build());
          response.onCompleted();
        }))
        .build();
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0), credentials)
        .addService(ServerInterceptors.intercept(admin, new Authorization()))
        .addService(auth)
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A plaintext stand-in on loopback with a free port. */
  public static AdminStandIn start() {
    return new AdminStandIn(InsecureServerCredentials.create());
  }

  /** A stand-in serving TLS with {@code credentials}. */
  static AdminStandIn start(ServerCredentials credentials) {
    return new AdminStandIn(credentials);
  }

  public int port() {
    return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
  }

  AdminEndpoint endpoint() {
    return new AdminEndpoint("127.0.0.1", port());
  }

  /**
   * The authorization metadata of each CreateTask call, "" when it had none; prefixed with the key
   * when it came under the key set by {@link #metadataKey}.
   */
  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** From now on CreateTask needs {@code authorization: Bearer <token>} with one of these tokens. */
  void acceptTokens(String... tokens) {
    acceptedTokens.addAll(List.of(tokens));
  }

  void revokeTokens() {
    acceptedTokens.clear();
    acceptedTokens.add("\0none");
  }

  void tokenEndpoint(String url) {
    this.tokenEndpoint = url;
  }

  /**
   * Names {@code key} in the public client config, as FlyteAdmin names its grpcAuthorizationHeader
   * (default flyte-authorization), and reads the token from it before the standard key.
   */
  void metadataKey(String key) {
    this.metadataKey = key;
  }

  void scopes(String... scopes) {
    this.scopes = List.of(scopes);
  }

  /** Each CreateTask waits this long before it answers, so concurrency shows. */
  void createDelay(long millis) {
    this.createDelayMillis = millis;
  }

  public int createCalls() {
    return createCalls.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  public int storedTasks() {
    return tasks.size();
  }

  /** Every task CreateTask stored, by {@code project/domain/name/version}. */
  public Map<String, TaskSpec> storedSpecs() {
    Map<String, TaskSpec> specs = new TreeMap<>();
    tasks.forEach((key, bytes) -> {
      try {
        specs.put(key, TaskSpec.parseFrom(bytes));
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("stored bytes of " + key + " do not parse", e);
      }
    });
    return specs;
  }

  private void createTask(TaskCreateRequest request, StreamObserver<TaskCreateResponse> response) {
    createCalls.incrementAndGet();
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      if (createDelayMillis > 0) {
        Thread.sleep(createDelayMillis);
      }
      String invalid = validate(request);
      if (invalid != null) {
        response.onError(Status.INVALID_ARGUMENT.withDescription(invalid).asRuntimeException());
        return;
      }
      Identifier id = request.getId();
      String key = id.getProject() + "/" + id.getDomain() + "/" + id.getName() + "/" + id.getVersion();
      ByteString digest = deterministic(request.getSpec());
      ByteString existing = tasks.putIfAbsent(key, digest);
      if (existing == null) {
        response.onNext(TaskCreateResponse.getDefaultInstance());
        response.onCompleted();
      } else if (existing.equals(digest)) {
        response.onError(Status.ALREADY_EXISTS
            .withDescription("task with identical structure already exists").asRuntimeException());
      } else {
        response.onError(Status.INVALID_ARGUMENT.withDescription(
            "name: \"" + id.getName() + "\" version: \"" + id.getVersion() + "\" task with different"
                + " structure already exists. (Please register a new version of the task):\n"
                + "diff: custom differs").asRuntimeException());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      response.onError(Status.CANCELLED.asRuntimeException());
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** FlyteAdmin's checks, each naming the field as FlyteAdmin's "missing ..." errors do. */
  private static String validate(TaskCreateRequest request) {
    if (!request.hasId()) {
      return "missing id";
    }
    Identifier id = request.getId();
    if (id.getResourceType() != ResourceType.TASK) {
      return "unexpected resource type " + id.getResourceType() + " for identifier, expected TASK instead";
    }
    if (id.getProject().isEmpty()) {
      return "missing project";
    }
    if (id.getDomain().isEmpty()) {
      return "missing domain";
    }
    if (id.getName().isEmpty()) {
      return "missing name";
    }
    if (id.getVersion().isEmpty()) {
      return "missing version";
    }
    // flyteadmin's task validator, in its order and with its "missing <field>" words.
    if (!request.hasSpec() || !request.getSpec().hasTemplate()) {
      return "missing spec";
    }
    TaskTemplate template = request.getSpec().getTemplate();
    if (template.getType().isEmpty()) {
      return "missing type";
    }
    if (!template.hasMetadata()) {
      return "missing metadata";
    }
    // flyteadmin checks the version only when runtime metadata is present; a registered task always
    // carries it (flytekit and Preflyte write it), so the stand-in requires it.
    if (!template.getMetadata().hasRuntime() || template.getMetadata().getRuntime().getVersion().isEmpty()) {
      return "missing runtime version";
    }
    if (!template.hasInterface()) {
      return "missing interface";
    }
    if (!template.hasContainer() || template.getContainer().getImage().isEmpty()) {
      return "missing image";
    }
    return null;
  }

  /** The spec's bytes with map entries in a fixed order, so equal specs compare equal. */
  private static ByteString deterministic(TaskSpec spec) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      spec.writeTo(out);
      out.flush();
      return ByteString.copyFrom(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Authorization implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String authorization = null;
      if (!metadataKey.isEmpty()) {
        authorization = headers.get(Metadata.Key.of(metadataKey, Metadata.ASCII_STRING_MARSHALLER));
      }
      if (authorization != null) {
        authorizations.add(metadataKey + ": " + authorization);
      } else {
        authorization = headers.get(AUTHORIZATION);
        authorizations.add(authorization == null ? "" : authorization);
      }
      if (!acceptedTokens.isEmpty()) {
        boolean accepted = authorization != null && authorization.startsWith("Bearer ")
            && acceptedTokens.contains(authorization.substring("Bearer ".length()));
        if (!accepted) {
          call.close(Status.UNAUTHENTICATED.withDescription("token is missing or invalid"), new Metadata());
          return new ServerCall.Listener<>() {};
        }
      }
      return next.startCall(call, headers);
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }
}
