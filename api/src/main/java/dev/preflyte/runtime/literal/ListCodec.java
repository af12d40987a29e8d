package dev.preflyte.runtime.literal;

import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralCollection;
import dev.preflyte.idl.core.LiteralType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code List<T>} as {@code collection_type} / {@code LiteralCollection}; nulls only if T is nullable. */
final class ListCodec<T> extends FlyteCodec<List<T>> {

  private final FlyteCodec<T> element;

  ListCodec(FlyteCodec<T> element) {
    super(LiteralType.newBuilder().setCollectionType(element.literalType()).build());
    this.element = element;
  }

  @Override
  String unionTag() {
    return "Typed List";
  }

  @Override
  public Literal encode(List<T> value, LiteralContext context) {
    requireNonNull(value);
    LiteralCollection.Builder collection = LiteralCollection.newBuilder();
    int index = 0;
    for (T item : value) {
      try {
        collection.addLiterals(element.encode(item, context));
      } catch (LiteralConversionException e) {
        throw Mismatch.within(Mismatch.listSegment(index), e);
      }
      index++;
    }
    return Literal.newBuilder().setCollection(collection).build();
  }

  @Override
  public List<T> decode(Literal literal, LiteralContext context) {
    Literal resolved = Literals.resolve(literal, context);
    if (resolved.hasCollection()) {
      List<Literal> literals = resolved.getCollection().getLiteralsList();
      List<T> out = new ArrayList<>(literals.size());
      for (int i = 0; i < literals.size(); i++) {
        try {
          out.add(element.decode(literals.get(i), context));
        } catch (LiteralConversionException e) {
          throw Mismatch.within(Mismatch.listSegment(i), e);
        }
      }
      return Collections.unmodifiableList(out);
    }
    if (resolved.hasScalar() && MsgPackBinary.isMsgPack(resolved.getScalar())) {
      return fromPlain(MsgPackBinary.read(resolved.getScalar().getBinary()), context);
    }
    throw mismatch(resolved);
  }

  @Override
  Object toPlain(List<T> value, LiteralContext context) {
    requireNonNull(value);
    List<Object> out = new ArrayList<>(value.size());
    int index = 0;
    for (T item : value) {
      try {
        out.add(element.toPlain(item, context));
      } catch (LiteralConversionException e) {
        throw Mismatch.within(Mismatch.listSegment(index), e);
      }
      index++;
    }
    return out;
  }

  @Override
  List<T> fromPlain(Object plain, LiteralContext context) {
    if (!(plain instanceof List<?> list)) {
      throw mismatchPlain(plain);
    }
    List<T> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      try {
        out.add(element.fromPlain(list.get(i), context));
      } catch (LiteralConversionException e) {
        throw Mismatch.within(Mismatch.listSegment(i), e);
      }
    }
    return Collections.unmodifiableList(out);
  }
}
