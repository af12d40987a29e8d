package dev.preflyte.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.MessageLite;
import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ErrorDocument;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.K8sObjectMetadata;
import dev.preflyte.idl.core.K8sPod;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.RetryStrategy;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.Sql;
import dev.preflyte.idl.core.TaskMetadata;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.core.Void;
import dev.preflyte.idl.protobuf.Timestamp;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The hand-checked encodings of the Flyte IDL wire reference, reproduced from Java-built messages. */
class WireEncodingTest {

  /** LiteralMap {@code {"x": 5}}. */
  static final String LITERAL_MAP_X5 = "0a 0b 0a 01 78 12 06 0a 04 0a 02 08 05";

  /**
   * LiteralMap {@code {a: 30, b: 0}}, the 26 bytes flytekit wrote (entry "b" first; entry order is
   * not canonical, so only a map built in this order gives these bytes).
   */
  static final String LITERAL_MAP_A30_B0 =
      "0a 0b 0a 01 62 12 06 0a 04 0a 02 08 00 0a 0b 0a 01 61 12 06 0a 04 0a 02 08 1e";

  /**
   * ErrorDocument {@code {code "USER:ValueError", message "boom", kind RECOVERABLE, origin USER,
   * timestamp 1700000000 s, worker "w0"}}.
   */
  static final String ERROR_DOCUMENT = "0a 27 0a 0f 55 53 45 52 3a 56 61 6c 75 65 45 72 72 6f 72 12 04 62 6f 6f 6d"
      + " 18 01 20 01 2a 06 08 80 e2 cf aa 06 32 02 77 30";

  static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").formatHex(bytes);
  }

  private static void assertBytes(String expectedHex, MessageLite message) {
    assertEquals(expectedHex, hex(message.toByteArray()));
  }

  @Test
  void literalMapOfOneInteger() throws Exception {
    LiteralMap map = LiteralMap.newBuilder()
        .putLiterals("x", Literal.newBuilder()
            .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(5)))
            .build())
        .build();
    assertBytes(LITERAL_MAP_X5, map);
    assertEquals(map, LiteralMap.parseFrom(hex(LITERAL_MAP_X5)));
  }

  @Test
  void literalMapOfTwoIntegersInFlytekitsOrder() throws Exception {
    LiteralMap map = LiteralMap.newBuilder()
        .putLiterals("b", Literal.newBuilder()
            .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(0)))
            .build())
        .putLiterals("a", Literal.newBuilder()
            .setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(30)))
            .build())
        .build();
    assertEquals(26, hex(LITERAL_MAP_A30_B0).length);
    assertBytes(LITERAL_MAP_A30_B0, map);
    assertEquals(map, LiteralMap.parseFrom(hex(LITERAL_MAP_A30_B0)));
  }

  @Test
  void errorDocument() throws Exception {
    ErrorDocument document = ErrorDocument.newBuilder()
        .setError(ContainerError.newBuilder()
            .setCode("USER:ValueError")
            .setMessage("boom")
            .setKind(ContainerError.Kind.RECOVERABLE)
            .setOrigin(ExecutionError.ErrorKind.USER)
            .setTimestamp(Timestamp.newBuilder().setSeconds(1_700_000_000L))
            .setWorker("w0"))
        .build();
    assertBytes(ERROR_DOCUMENT, document);
    assertEquals(document, ErrorDocument.parseFrom(hex(ERROR_DOCUMENT)));
  }

  @Test
  void scalarHoldingVoid() throws Exception {
    Scalar none = Scalar.newBuilder().setNoneType(Void.getDefaultInstance()).build();
    assertBytes("2a 00", none);
    assertEquals(Scalar.ValueCase.NONE_TYPE, Scalar.parseFrom(hex("2a 00")).getValueCase());
  }

  @Test
  void primitiveFloat() throws Exception {
    Primitive value = Primitive.newBuilder().setFloatValue(1.5).build();
    assertBytes("11 00 00 00 00 00 00 f8 3f", value);
    assertEquals(value, Primitive.parseFrom(hex("11 00 00 00 00 00 00 f8 3f")));
  }

  @Test
  void defaultEnumsAndZeroIntegersAreNotEmittedButOneofMembersAre() {
    assertBytes("", ContainerError.newBuilder().setKind(ContainerError.Kind.NON_RECOVERABLE).build());
    assertBytes("", RetryStrategy.newBuilder().setRetries(0).build());
    // A oneof member is present even at its default: integer 0 and interruptible false are written.
    assertBytes("08 00", Primitive.newBuilder().setInteger(0).build());
    assertBytes("40 00", TaskMetadata.newBuilder().setInterruptible(false).build());
  }

  @Test
  void fieldNumbersFromSixteenTakeTwoTagBytes() {
    assertBytes("82 01 06 0a 01 6b 12 01 76", TaskTemplate.newBuilder().putConfig("k", "v").build());
    assertBytes("82 01 00", TaskMetadata.newBuilder()
        .setMetadata(K8sObjectMetadata.getDefaultInstance()).build());
    assertBytes("8a 01 00", TaskTemplate.newBuilder()
        .setK8SPod(K8sPod.getDefaultInstance()).build());
    assertBytes("92 01 00", TaskTemplate.newBuilder()
        .setSql(Sql.getDefaultInstance()).build());
  }

  @Test
  void retryStrategyUsesFieldFive() {
    assertBytes("28 03", RetryStrategy.newBuilder().setRetries(3).build());
  }

  @Test
  void integerIsSixtyFourBit() throws Exception {
    Primitive big = Primitive.newBuilder().setInteger(1L << 40).build();
    assertBytes("08 80 80 80 80 80 20", big);
    assertEquals(1L << 40, Primitive.parseFrom(big.toByteArray()).getInteger());
  }
}
