package dev.preflyte.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;

import dev.preflyte.idl.admin.TaskSpec;
import dev.preflyte.idl.core.Identifier;
import dev.preflyte.idl.core.ResourceType;
import dev.preflyte.register.idl.OAuth2MetadataResponse;
import dev.preflyte.register.idl.PublicClientAuthConfigResponse;
import dev.preflyte.register.idl.TaskCreateRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The names and field numbers FlyteAdmin's own definitions use, so the wire is the same. */
class WireTest {

  @Test
  void methodPathsAreFlyteAdmins() {
    assertEquals("flyteidl.service.AdminService/CreateTask", AdminMethods.CREATE_TASK.getFullMethodName());
    assertEquals("flyteidl.service.AuthMetadataService/GetOAuth2Metadata",
        AdminMethods.GET_OAUTH2_METADATA.getFullMethodName());
    assertEquals("flyteidl.service.AuthMetadataService/GetPublicClientConfig",
        AdminMethods.GET_PUBLIC_CLIENT_CONFIG.getFullMethodName());
  }

  @Test
  void messageAndServiceNamesAreFlyteAdmins() throws Exception {
    // The build's descriptor set of this module's protos (register/pom.xml).
    FileDescriptorSet set = FileDescriptorSet.parseFrom(Files.readAllBytes(Path.of("target", "register-model.desc")));
    Set<String> names = new TreeSet<>();
    for (FileDescriptorProto file : set.getFileList()) {
      file.getMessageTypeList().forEach(message -> names.add(file.getPackage() + "." + message.getName()));
      file.getServiceList().forEach(service -> service.getMethodList().forEach(
          method -> names.add(file.getPackage() + "." + service.getName() + "/" + method.getName())));
    }
    assertTrue(names.containsAll(List.of("flyteidl.admin.TaskCreateRequest", "flyteidl.admin.TaskCreateResponse",
        "flyteidl.service.OAuth2MetadataResponse", "flyteidl.service.PublicClientAuthConfigResponse",
        AdminMethods.CREATE_TASK.getFullMethodName(), AdminMethods.GET_OAUTH2_METADATA.getFullMethodName(),
        AdminMethods.GET_PUBLIC_CLIENT_CONFIG.getFullMethodName())), names.toString());
  }

  @Test
  void taskCreateRequestEncodesIdAsField1AndSpecAsField2() {
    TaskCreateRequest request = TaskCreateRequest.newBuilder()
        .setId(Identifier.newBuilder().setResourceType(ResourceType.TASK).setName("t"))
        .setSpec(TaskSpec.getDefaultInstance())
        .build();
    // 0a 05 (id: 08 01 resource_type TASK, 22 01 74 name "t"), 12 00 (empty spec)
    assertArrayEquals(new byte[] {0x0a, 0x05, 0x08, 0x01, 0x22, 0x01, 0x74, 0x12, 0x00}, request.toByteArray());
  }

  @Test
  void authMetadataFieldNumbersAreFlytes() {
    assertEquals(3, OAuth2MetadataResponse.TOKEN_ENDPOINT_FIELD_NUMBER);
    assertEquals(5, OAuth2MetadataResponse.SCOPES_SUPPORTED_FIELD_NUMBER);
    assertEquals(9, OAuth2MetadataResponse.GRANT_TYPES_SUPPORTED_FIELD_NUMBER);
    assertEquals(1, PublicClientAuthConfigResponse.CLIENT_ID_FIELD_NUMBER);
    assertEquals(3, PublicClientAuthConfigResponse.SCOPES_FIELD_NUMBER);
    assertEquals(4, PublicClientAuthConfigResponse.AUTHORIZATION_METADATA_KEY_FIELD_NUMBER);
    assertEquals(6, PublicClientAuthConfigResponse.AUDIENCE_FIELD_NUMBER);
  }
}
