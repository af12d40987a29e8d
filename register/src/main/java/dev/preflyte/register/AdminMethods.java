package dev.preflyte.register;

import dev.preflyte.register.idl.OAuth2MetadataRequest;
import dev.preflyte.register.idl.OAuth2MetadataResponse;
import dev.preflyte.register.idl.PublicClientAuthConfigRequest;
import dev.preflyte.register.idl.PublicClientAuthConfigResponse;
import dev.preflyte.register.idl.TaskCreateRequest;
import dev.preflyte.register.idl.TaskCreateResponse;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.lite.ProtoLiteUtils;

/**
 * The FlyteAdmin methods registration calls, described by hand: the three unary methods need no
 * generated stubs, only their full names and grpc-protobuf-lite's marshallers. The names are Flyte's
 * ({@code flyteidl.service.AdminService}, {@code flyteidl.service.AuthMetadataService}), so the
 * HTTP/2 paths are the ones FlyteAdmin serves.
 */
final class AdminMethods {

  static final String ADMIN_SERVICE = "flyteidl.service.AdminService";
  static final String AUTH_METADATA_SERVICE = "flyteidl.service.AuthMetadataService";

  static final MethodDescriptor<TaskCreateRequest, TaskCreateResponse> CREATE_TASK =
      unary(ADMIN_SERVICE, "CreateTask",
          ProtoLiteUtils.marshaller(TaskCreateRequest.getDefaultInstance()),
          ProtoLiteUtils.marshaller(TaskCreateResponse.getDefaultInstance()));

  static final MethodDescriptor<OAuth2MetadataRequest, OAuth2MetadataResponse> GET_OAUTH2_METADATA =
      unary(AUTH_METADATA_SERVICE, "GetOAuth2Metadata",
          ProtoLiteUtils.marshaller(OAuth2MetadataRequest.getDefaultInstance()),
          ProtoLiteUtils.marshaller(OAuth2MetadataResponse.getDefaultInstance()));

  static final MethodDescriptor<PublicClientAuthConfigRequest, PublicClientAuthConfigResponse>
      GET_PUBLIC_CLIENT_CONFIG =
          unary(AUTH_METADATA_SERVICE, "GetPublicClientConfig",
              ProtoLiteUtils.marshaller(PublicClientAuthConfigRequest.getDefaultInstance()),
              ProtoLiteUtils.marshaller(PublicClientAuthConfigResponse.getDefaultInstance()));

  private AdminMethods() {}

  private static <Q, R> MethodDescriptor<Q, R> unary(
      String service, String method, MethodDescriptor.Marshaller<Q> request,
      MethodDescriptor.Marshaller<R> response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(service, method))
        .setRequestMarshaller(request)
        .setResponseMarshaller(response)
        .build();
  }
}
