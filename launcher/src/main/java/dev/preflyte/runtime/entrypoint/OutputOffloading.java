package dev.preflyte.runtime.entrypoint;

import dev.preflyte.idl.core.ContainerError;
import dev.preflyte.idl.core.ExecutionError;
import dev.preflyte.idl.core.Literal;
import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.LiteralOffloadedMetadata;
import dev.preflyte.idl.core.VariableMap;
import dev.preflyte.runtime.storage.Storage;
import dev.preflyte.runtime.task.TaskFailure;
import java.util.Map;
import java.util.TreeMap;

/**
 * Literal offloading as flytekit's entrypoint (1.16) does it, for propeller's {@code
 * literal-offloading-config}: when {@value #MIN_SIZE_MB} is set, an output literal of at least that
 * many MiB is written beside {@code outputs.pb} as {@code <output>_offloaded_metadata.pb} (the Literal's
 * own bytes), and {@code outputs.pb} holds in its place a literal of {@code offloaded_metadata{uri,
 * size_bytes, inferred_type}} (the type from the task's interface) and the literal's hash (its own
 * {@code hash}, else {@link ProtobufJsonHash}). An output of at least {@value #MAX_SIZE_MB} MiB
 * (default 1000) fails the task as the user's. Sizes are the literal's serialized size.
 */
final class OutputOffloading {

  /** Offloading is on when this is set, whatever its value, as flytekit decides. */
  static final String MIN_SIZE_MB = "_F_L_MIN_SIZE_MB";
  static final String MAX_SIZE_MB = "_F_L_MAX_SIZE_MB";
  static final String OUTPUT_TOO_LARGE = "USER:OutputTooLarge";
  static final String FILE_SUFFIX = "_offloaded_metadata.pb";

  private static final long MIB = 1024 * 1024;

  private final long minBytes;
  private final long maxBytes;

  OutputOffloading(long minBytes, long maxBytes) {
    this.minBytes = minBytes;
    this.maxBytes = maxBytes;
  }

  /**
   * The settings in {@code environment}, read as flytekit reads them: {@code int(value)} MiB, the
   * maximum 1000 when unset.
   *
   * @throws OffloadingSettingsException for a value Python's {@code int()} refuses
   */
  static OutputOffloading fromEnvironment(Map<String, String> environment) {
    long min = megabytes(MIN_SIZE_MB, environment.getOrDefault(MIN_SIZE_MB, "10"));
    long max = megabytes(MAX_SIZE_MB, environment.getOrDefault(MAX_SIZE_MB, "1000"));
    return new OutputOffloading(min, max);
  }

  long minBytes() {
    return minBytes;
  }

  long maxBytes() {
    return maxBytes;
  }

  /**
   * Writes the outputs of at least the minimum size under {@code outputPrefix} and returns the
   * LiteralMap for {@code outputs.pb}; checks every output against the maximum before writing any.
   *
   * @throws dev.preflyte.runtime.task.TaskFailedException {@value #OUTPUT_TOO_LARGE} for an output of at least the maximum
   */
  LiteralMap offload(LiteralMap outputs, VariableMap declared, String outputPrefix, Storage storage,
      SecretScrubber scrubber) {
    Map<String, Literal> sorted = new TreeMap<>(outputs.getLiteralsMap());
    for (Map.Entry<String, Literal> output : sorted.entrySet()) {
      long size = output.getValue().getSerializedSize();
      if (size >= maxBytes) {
        throw TaskFailures.exception(new TaskFailure(OUTPUT_TOO_LARGE, ContainerError.Kind.NON_RECOVERABLE,
            ExecutionError.ErrorKind.USER, new OutputTooLargeException("output '" + output.getKey() + "' is " + size
                + " bytes, at least the " + maxBytes + " bytes (" + MAX_SIZE_MB + ") Flyte takes for one output:"
                + " return a FlyteFile, FlyteDirectory or StructuredDataset for large data instead")), scrubber);
      }
    }
    LiteralMap.Builder written = LiteralMap.newBuilder();
    for (Map.Entry<String, Literal> output : sorted.entrySet()) {
      Literal literal = output.getValue();
      long size = literal.getSerializedSize();
      if (size < minBytes) {
        written.putLiterals(output.getKey(), literal);
        continue;
      }
      String uri = ExecuteCommand.join(outputPrefix, output.getKey() + FILE_SUFFIX);
      storage.writeAtomically(uri, literal.toByteArray());
      LiteralOffloadedMetadata.Builder metadata = LiteralOffloadedMetadata.newBuilder().setUri(uri).setSizeBytes(size);
      if (declared.containsVariables(output.getKey())) {
        metadata.setInferredType(declared.getVariablesOrThrow(output.getKey()).getType());
      }
      written.putLiterals(output.getKey(), Literal.newBuilder()
          .setOffloadedMetadata(metadata)
          .setHash(literal.getHash().isEmpty() ? ProtobufJsonHash.of(literal) : literal.getHash())
          .build());
    }
    return written.build();
  }

  /** {@code int(value) * 1024 * 1024} as Python computes it, saturating where a long ends. */
  private static long megabytes(String name, String value) {
    String text = value.strip();
    int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
    boolean valid = text.length() > start;
    long number = 0;
    boolean previousDigit = false;
    for (int i = start; i < text.length() && valid; i++) {
      char c = text.charAt(i);
      if (c == '_') {
        // Python takes single underscores between digits only.
        valid = previousDigit && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
        previousDigit = false;
      } else if (Character.isDigit(c)) {
        number = Math.min(Long.MAX_VALUE / MIB, number * 10 + Character.digit(c, 10));
        previousDigit = true;
      } else {
        valid = false;
      }
    }
    if (!valid) {
      throw new OffloadingSettingsException(name + "='" + value + "' is not a whole number of MiB (flytekit reads it"
          + " with int()): set it to an integer such as 10, or unset " + MIN_SIZE_MB + " to keep every output inline");
    }
    return (text.startsWith("-") ? -number : number) * MIB;
  }

  /** An output is too large for Flyte to take, offloaded or not. */
  static final class OutputTooLargeException extends RuntimeException {
    OutputTooLargeException(String message) {
      super(message);
    }
  }

  /** propeller's offloading settings cannot be read. */
  static final class OffloadingSettingsException extends RuntimeException {
    OffloadingSettingsException(String message) {
      super(message);
    }
  }
}
