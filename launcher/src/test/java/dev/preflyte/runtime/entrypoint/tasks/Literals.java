package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralType;
import dev.preflyte.idl.core.Primitive;
import dev.preflyte.idl.core.Scalar;
import dev.preflyte.idl.core.SimpleType;

/** Builds raw literals for the test tasks, independent of the literal codecs. */
public final class Literals {

  private Literals() {}

  public static Literal integer(long value) {
    return primitive(Primitive.newBuilder().setInteger(value).build());
  }

  public static Literal string(String value) {
    return primitive(Primitive.newBuilder().setStringValue(value).build());
  }

  public static Literal floating(double value) {
    return primitive(Primitive.newBuilder().setFloatValue(value).build());
  }

  public static Literal primitive(Primitive primitive) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(primitive)).build();
  }

  public static LiteralType simple(SimpleType type) {
    return LiteralType.newBuilder().setSimple(type).build();
  }
}
