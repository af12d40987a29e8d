package dev.preflyte.runtime.literal;

import com.google.protobuf.ByteString;
import dev.preflyte.idl.core.Binary;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.Scalar;

/** flytekit's msgpack literal: {@code Scalar.binary{value: msgpack bytes, tag: "msgpack"}}. */
final class MsgPackBinary {

  /** The tag flytekit (1.14+) sets on msgpack binaries. */
  static final String TAG = "msgpack";

  private MsgPackBinary() {}

  static boolean isMsgPack(Scalar scalar) {
    return scalar.hasBinary() && TAG.equals(scalar.getBinary().getTag());
  }

  static Object read(Binary binary) {
    return MsgPackReader.read(binary.getValue().toByteArray());
  }

  static Literal literal(Object plain) {
    Binary binary = Binary.newBuilder().setValue(ByteString.copyFrom(MsgPackWriter.write(plain))).setTag(TAG).build();
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setBinary(binary)).build();
  }
}
