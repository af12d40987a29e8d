package dev.preflyte.runtime.entrypoint;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import dev.preflyte.idl.ModelDescriptors;
import dev.preflyte.idl.protobuf.Duration;
import dev.preflyte.idl.protobuf.ListValue;
import dev.preflyte.idl.protobuf.Struct;
import dev.preflyte.idl.protobuf.Timestamp;
import dev.preflyte.idl.protobuf.Value;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The hash flytekit's {@code flytekit.utils.pbhash.compute_hash_string} gives a message, and so the
 * {@code hash} flytekit's entrypoint puts on an offloaded literal: SHA-256 of {@code
 * json.dumps(json_format.MessageToDict(pb), sort_keys=True, separators=(",", ":"))}, in standard
 * base64. Reproduced here byte for byte: proto3 JSON names, set fields only, 64-bit integers as
 * strings, bytes in base64, enums by name, Struct, Timestamp and Duration in their JSON forms, floats
 * as Python's {@code repr}, keys in code point order, every character outside printable ASCII escaped
 * as {@code json.dumps} escapes it.
 */
final class ProtobufJsonHash {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private ProtobufJsonHash() {}

  /** The base64 SHA-256 of {@code message}'s JSON, as flytekit computes it. */
  static String of(MessageLite message) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(message).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** The JSON text that is hashed; visible for tests. */
  static String json(MessageLite message) {
    StringBuilder json = new StringBuilder();
    writeMessage(ModelDescriptors.view(message), json);
    return json.toString();
  }

  /** {@code message}, a view with descriptors; the well-known types are read back as the model's. */
  private static void writeMessage(Message message, StringBuilder out) {
    switch (message.getDescriptorForType().getFullName()) {
      case "google.protobuf.Struct" -> writeStruct(ModelDescriptors.fromView(message, Struct.getDefaultInstance()), out);
      case "google.protobuf.Value" -> writeValue(ModelDescriptors.fromView(message, Value.getDefaultInstance()), out);
      case "google.protobuf.ListValue" -> writeList(ModelDescriptors.fromView(message, ListValue.getDefaultInstance()), out);
      case "google.protobuf.Timestamp" ->
          writeString(timestamp(ModelDescriptors.fromView(message, Timestamp.getDefaultInstance())), out);
      case "google.protobuf.Duration" ->
          writeString(duration(ModelDescriptors.fromView(message, Duration.getDefaultInstance())), out);
      default -> writeFields(message, out);
    }
  }

  private static void writeFields(Message message, StringBuilder out) {
    Map<String, Map.Entry<FieldDescriptor, Object>> fields = new TreeMap<>(ProtobufJsonHash::compareCodePoints);
    // getAllFields, like Python's ListFields: fields with presence when set, others when not default.
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      fields.put(entry.getKey().getJsonName(), entry);
    }
    writeObject(fields, (entry, json) -> writeField(entry.getKey(), entry.getValue(), json), out);
  }

  /** A JSON object of {@code members}, already in key order. */
  private static <T> void writeObject(Map<String, T> members, BiConsumer<T, StringBuilder> writer, StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, T> member : members.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(member.getKey(), out);
      out.append(':');
      writer.accept(member.getValue(), out);
    }
    out.append('}');
  }

  private static void writeField(FieldDescriptor field, Object value, StringBuilder out) {
    if (field.isMapField()) {
      Map<String, Object> entries = new TreeMap<>(ProtobufJsonHash::compareCodePoints);
      FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
      FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
      for (Object item : (List<?>) value) {
        Message entry = (Message) item;
        entries.put(String.valueOf(entry.getField(keyField)), entry.getField(valueField));
      }
      writeObject(entries, (entry, json) -> writeSingle(valueField, entry, json), out);
    } else if (field.isRepeated()) {
      out.append('[');
      List<?> items = (List<?>) value;
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeSingle(field, items.get(i), out);
      }
      out.append(']');
    } else {
      writeSingle(field, value, out);
    }
  }

  private static void writeSingle(FieldDescriptor field, Object value, StringBuilder out) {
    switch (field.getJavaType()) {
      case MESSAGE -> writeMessage((Message) value, out);
      case ENUM -> {
        EnumValueDescriptor enumValue = (EnumValueDescriptor) value;
        if (enumValue.getType().getFullName().equals("google.protobuf.NullValue")) {
          out.append("null");
        } else if (enumValue.getIndex() < 0) {
          out.append(enumValue.getNumber()); // a number this descriptor does not name
        } else {
          writeString(enumValue.getName(), out);
        }
      }
      case STRING -> writeString((String) value, out);
      case BYTE_STRING -> writeString(Base64.getEncoder().encodeToString(((com.google.protobuf.ByteString) value).toByteArray()), out);
      case BOOLEAN -> out.append((boolean) (Boolean) value ? "true" : "false");
      case LONG -> writeString(isUnsigned(field) ? Long.toUnsignedString((Long) value) : Long.toString((Long) value), out);
      case INT -> out.append(isUnsigned(field) ? Integer.toUnsignedString((Integer) value) : Integer.toString((Integer) value));
      case DOUBLE -> writeDouble((Double) value, out);
      case FLOAT -> writeFloat((Float) value, out);
    }
  }

  private static boolean isUnsigned(FieldDescriptor field) {
    return switch (field.getType()) {
      case UINT32, FIXED32, UINT64, FIXED64 -> true;
      default -> false;
    };
  }

  private static void writeStruct(Struct struct, StringBuilder out) {
    Map<String, Value> fields = new TreeMap<>(ProtobufJsonHash::compareCodePoints);
    fields.putAll(struct.getFieldsMap());
    writeObject(fields, ProtobufJsonHash::writeValue, out);
  }

  private static void writeList(ListValue list, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < list.getValuesCount(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeValue(list.getValues(i), out);
    }
    out.append(']');
  }

  private static void writeValue(Value value, StringBuilder out) {
    switch (value.getKindCase()) {
      case NUMBER_VALUE -> writeDouble(value.getNumberValue(), out);
      case STRING_VALUE -> writeString(value.getStringValue(), out);
      case BOOL_VALUE -> out.append(value.getBoolValue() ? "true" : "false");
      case STRUCT_VALUE -> writeStruct(value.getStructValue(), out);
      case LIST_VALUE -> writeList(value.getListValue(), out);
      default -> out.append("null"); // null_value, or no kind set
    }
  }

  /** {@code Timestamp.ToJsonString()}: seconds, then 0, 3, 6 or 9 fraction digits, then {@code Z}. */
  private static String timestamp(Timestamp timestamp) {
    return SECONDS.format(Instant.ofEpochSecond(timestamp.getSeconds())) + fraction(timestamp.getNanos()) + "Z";
  }

  /** {@code Duration.ToJsonString()}: {@code [-]S[.fff|.ffffff|.fffffffff]s}. */
  private static String duration(Duration duration) {
    long seconds = duration.getSeconds();
    int nanos = duration.getNanos();
    boolean negative = seconds < 0 || nanos < 0;
    return (negative ? "-" : "") + Math.abs(seconds) + fraction(Math.abs(nanos)) + "s";
  }

  private static String fraction(int nanos) {
    if (nanos == 0) {
      return "";
    }
    if (nanos % 1_000_000 == 0) {
      return String.format(".%03d", nanos / 1_000_000);
    }
    if (nanos % 1_000 == 0) {
      return String.format(".%06d", nanos / 1_000);
    }
    return String.format(".%09d", nanos);
  }

  private static void writeFloat(float value, StringBuilder out) {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      writeDouble(value, out);
      return;
    }
    // type_checkers.ToShortestFloat: the fewest digits, from 6 up, that read back as the same float.
    for (int precision = 6; ; precision++) {
      double rounded = roundToDigits(value, precision);
      if ((float) rounded == value) {
        writeDouble(rounded, out);
        return;
      }
    }
  }

  private static double roundToDigits(double value, int digits) {
    return new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue();
  }

  private static void writeDouble(double value, StringBuilder out) {
    if (Double.isNaN(value)) {
      writeString("NaN", out);
    } else if (Double.isInfinite(value)) {
      writeString(value > 0 ? "Infinity" : "-Infinity", out);
    } else {
      out.append(pythonRepr(value));
    }
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that read back as the same double, positional
   * when the decimal exponent is from -4 to 15 (with {@code .0} when whole), else {@code d.ddde+XX}.
   */
  static String pythonRepr(double value) {
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(value);
    String digits = shortest.unscaledValue().abs().toString();
    // value = 0.d1d2...dn x 10^point
    int point = digits.length() - shortest.scale();
    String sign = value < 0 ? "-" : "";
    if (point > -4 && point <= 16) {
      if (point <= 0) {
        return sign + "0." + "0".repeat(-point) + digits;
      }
      if (point >= digits.length()) {
        return sign + digits + "0".repeat(point - digits.length()) + ".0";
      }
      return sign + digits.substring(0, point) + "." + digits.substring(point);
    }
    int exponent = point - 1;
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
  }

  /** The shortest decimal that reads back as {@code value}; of two such, the nearer. */
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= 17; precision++) {
      List<BigDecimal> candidates = new ArrayList<>(3);
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal candidate = exact.round(new MathContext(precision, mode));
        if (candidate.doubleValue() == value) {
          candidates.add(candidate);
        }
      }
      if (!candidates.isEmpty()) {
        BigDecimal best = candidates.get(0);
        for (BigDecimal candidate : candidates) {
          if (candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
            best = candidate;
          }
        }
        return best.stripTrailingZeros();
      }
    }
    return exact.round(MathContext.DECIMAL64).stripTrailingZeros();
  }

  /** {@code json.dumps} with {@code ensure_ascii}: printable ASCII as is, the rest escaped. */
  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04x", (int) c)); // UTF-16 units: surrogate pairs as Python writes them
          }
        }
      }
    }
    out.append('"');
  }

  /** Python orders str keys by code point, which differs from UTF-16 order above the BMP. */
  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
