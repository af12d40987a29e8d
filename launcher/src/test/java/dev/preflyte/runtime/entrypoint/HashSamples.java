package dev.preflyte.runtime.entrypoint;

import com.google.protobuf.ByteString;
import dev.preflyte.idl.core.Binary;
import dev.preflyte.idl.core.Blob;
import dev.preflyte.idl.core.BlobMetadata;
import dev.preflyte.idl.core.BlobType;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralCollection;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;
import dev.preflyte.idl.core.Union;
import dev.preflyte.idl.core.Void;
import dev.preflyte.idl.protobuf.Duration;
import dev.preflyte.idl.protobuf.ListValue;
import dev.preflyte.idl.protobuf.NullValue;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Timestamp;
import dev.preflyte.idl.protobuf.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Literals whose flytekit hashes {@link ProtobufJsonHashTest} knows: every JSON rule of the hash
 * (numbers, escapes, well-known types, maps, enums, bytes) is in at least one of them.
 */
final class HashSamples {

  private HashSamples() {}

  static Literal primitive(Primitive.Builder primitive) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(primitive)).build();
  }

  static List<Literal> all() {
    List<Literal> samples = new ArrayList<>();
    samples.add(primitive(Primitive.newBuilder().setInteger(42)));
    samples.add(primitive(Primitive.newBuilder().setInteger(0))); // a oneof member at its default is still set
    samples.add(primitive(Primitive.newBuilder().setStringValue("quote \" slash \\ tab \t nl \n cr \r bell \u0007"
        + " del \u007f é ß 中 \uD83D\uDE00 end")));
    for (double number : new double[] {1.0, 0.1, -2.5, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.00012345,
        5e-324, 1.7976931348623157e308, 2.0 / 3, 100.0, -0.0, 0.0, 9007199254740993.0, 1e22, 1.5e300,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 4.35, 0.3, 2.675}) {
      samples.add(primitive(Primitive.newBuilder().setFloatValue(number)));
    }
    samples.add(primitive(Primitive.newBuilder().setBoolean(true)));
    for (int nanos : new int[] {0, 1_000_000, 123_456_000, 1}) {
      samples.add(primitive(Primitive.newBuilder().setDatetime(
          Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(nanos))));
    }
    samples.add(primitive(Primitive.newBuilder().setDuration(Duration.newBuilder().setSeconds(90).setNanos(500_000_000))));
    samples.add(primitive(Primitive.newBuilder().setDuration(Duration.newBuilder().setSeconds(-3).setNanos(-250_000))));
    Struct struct = Struct.newBuilder()
        .putFields("zeta", Value.newBuilder().setNumberValue(3).build())
        .putFields("alpha", Value.newBuilder().setStringValue("a\u00e9").build())
        .putFields("Beta", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
        .putFields("list", Value.newBuilder().setListValue(ListValue.newBuilder()
            .addValues(Value.newBuilder().setBoolValue(false))
            .addValues(Value.newBuilder().setNumberValue(0.25))
            .addValues(Value.newBuilder().setStructValue(Struct.newBuilder()
                .putFields("x", Value.newBuilder().setNumberValue(-1e-7).build())))).build())
        .build();
    samples.add(Literal.newBuilder().setScalar(Scalar.newBuilder().setGeneric(struct)).build());
    samples.add(Literal.newBuilder().setScalar(Scalar.newBuilder().setBinary(
        Binary.newBuilder().setValue(ByteString.copyFrom(new byte[] {(byte) 0x82, (byte) 0xa1, 'a', 1, (byte) 0xff}))
            .setTag("msgpack"))).build());
    samples.add(Literal.newBuilder().setScalar(Scalar.newBuilder().setBlob(Blob.newBuilder()
        .setUri("s3://bucket/raw/ab/file.csv")
        .setMetadata(BlobMetadata.newBuilder().setType(BlobType.newBuilder().setFormat("csv")
            .setDimensionality(BlobType.BlobDimensionality.MULTIPART))))).build());
    samples.add(Literal.newBuilder().setScalar(Scalar.newBuilder().setBlob(Blob.newBuilder()
        .setUri("/tmp/single").setMetadata(BlobMetadata.newBuilder().setType(BlobType.newBuilder())))).build());
    samples.add(Literal.newBuilder().setScalar(Scalar.newBuilder().setNoneType(Void.getDefaultInstance())).build());
    samples.add(Literal.newBuilder().setScalar(Scalar.newBuilder().setUnion(Union.newBuilder()
        .setValue(primitive(Primitive.newBuilder().setStringValue("u")))
        .setType(LiteralType.newBuilder().setSimple(SimpleType.STRING)))).build());
    samples.add(Literal.newBuilder().setCollection(LiteralCollection.newBuilder()
        .addLiterals(primitive(Primitive.newBuilder().setInteger(-9_007_199_254_740_993L)))
        .addLiterals(primitive(Primitive.newBuilder().setStringValue("two")))).build());
    samples.add(Literal.newBuilder().setMap(LiteralMap.newBuilder()
        .putLiterals("b", primitive(Primitive.newBuilder().setInteger(2)))
        .putLiterals("a", primitive(Primitive.newBuilder().setFloatValue(1.5)))
        .putLiterals("\u00e9", primitive(Primitive.newBuilder().setBoolean(false)))
        .putLiterals("\uD83D\uDE00", primitive(Primitive.newBuilder().setBoolean(true)))
        .putLiterals("\uFFFD", primitive(Primitive.newBuilder().setBoolean(true))))
        .setHash("inner-hash").putMetadata("k2", "v2").putMetadata("k1", "v1").build());
    samples.add(Literal.newBuilder().setOffloadedMetadata(dev.preflyte.idl.core.LiteralOffloadedMetadata.newBuilder()
        .setUri("s3://b/o").setSizeBytes(-1L).setInferredType(LiteralType.newBuilder().setSimple(SimpleType.INTEGER)))
        .build());
    samples.add(primitive(Primitive.newBuilder().setStringValue("x".repeat(100_000))));
    return samples;
  }
}
