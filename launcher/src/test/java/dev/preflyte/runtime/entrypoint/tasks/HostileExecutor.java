package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.idl.core.LiteralMap;
import dev.preflyte.idl.core.TaskTemplate;
import dev.preflyte.idl.protobuf.Value;
import dev.preflyte.runtime.custom.CustomDecodingException;
import dev.preflyte.runtime.executor.ExecutionContext;
import dev.preflyte.runtime.executor.RecoverableException;
import dev.preflyte.runtime.executor.TaskExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A task that misbehaves as its STRING input {@code mode} says: throws in every way, ends the JVM,
 * blocks, reads what it is given (input {@code f}, a blob), decodes {@code custom.limit}, or prints,
 * logs and throws every secret it can find. Returns STRING output {@code out}.
 */
public class HostileExecutor implements TaskExecutor {

  @Override
  public LiteralMap executeFromModel(TaskTemplate template, LiteralMap inputs, ExecutionContext context) {
    String mode = inputs.getLiteralsOrThrow("mode").getScalar().getPrimitive().getStringValue();
    switch (mode) {
      case "ok":
        return out("done");
      case "throw":
        throw new IllegalStateException("hostile task failed on purpose");
      case "error":
        throw new AssertionError("hostile invariant broken");
      case "recoverable":
        throw new RecoverableException("hostile service busy, try again");
      case "unprintable":
        throw new Unprintable();
      case "oom":
        List<long[]> hog = new ArrayList<>();
        while (true) {
          hog.add(new long[1 << 20]);
        }
      case "wrong-outputs":
        return LiteralMap.newBuilder().putLiterals("out", Literals.integer(3)).build();
      case "extra-outputs":
        return LiteralMap.newBuilder().putLiterals("out", Literals.string("x"))
            .putLiterals("surprise", Literals.string("y")).build();
      case "big-outputs":
        return out("y".repeat(300_000));
      case "null-outputs":
        return null;
      case "exit0":
        System.out.println("hostile: exiting with status 0");
        System.exit(0);
        return out("unreachable");
      case "halt0":
        Runtime.getRuntime().halt(0);
        return out("unreachable");
      case "hook-blocks":
        Runtime.getRuntime().addShutdownHook(new Thread(HostileExecutor::sleepForever));
        System.exit(0);
        return out("unreachable");
      case "sleep":
        writeScratch(context);
        sleepForever();
        return out("unreachable");
      case "sleep-blocking-hook":
        Runtime.getRuntime().addShutdownHook(new Thread(HostileExecutor::sleepForever));
        writeScratch(context);
        sleepForever();
        return out("unreachable");
      case "read-blob":
        String uri = inputs.getLiteralsOrThrow("f").getScalar().getBlob().getUri();
        return out(new String(context.storage().read(uri), StandardCharsets.UTF_8));
      case "custom":
        Value limit = template.getCustom().getFieldsMap().get("limit");
        if (limit == null) {
          throw new CustomDecodingException("limit", "missing: expected a number");
        }
        if (limit.getKindCase() != Value.KindCase.NUMBER_VALUE) {
          throw new CustomDecodingException("limit", "expected a number, got " + limit.getKindCase());
        }
        return out("limit " + (long) limit.getNumberValue());
      case "leak":
        SecretLeaks.leakEverything(context);
        return out("leaked");
      case "leak-exit":
        SecretLeaks.printEverything(context);
        System.exit(0);
        return out("unreachable");
      case "leak-throw":
        SecretLeaks.printEverything(context);
        throw new IllegalStateException("cannot log in with " + String.join(" and ", SecretLeaks.all(context)));
      default:
        throw new IllegalArgumentException("unknown mode " + mode);
    }
  }

  private static LiteralMap out(String value) {
    return LiteralMap.newBuilder().putLiterals("out", Literals.string(value)).build();
  }

  /** Leaves a file in the working directory and says where, so a test can check it is removed. */
  private static void writeScratch(ExecutionContext context) {
    try {
      Files.write(context.workingDirectory().resolve("scratch.bin"), new byte[4096]);
      Path raw = Path.of(context.rawOutputPrefix());
      if (Files.isDirectory(raw)) { // what a local upload cut short by the end of the JVM leaves
        Files.write(raw.resolve(".upload.bin.4f1c.partial"), new byte[4096]);
      }
      System.out.println("hostile: started, working directory " + context.workingDirectory());
      System.out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleepForever() {
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        // keep blocking, as a badly written task does
      }
    }
  }

  /** An exception nothing can print: toString, getMessage, getCause and getStackTrace all throw. */
  public static final class Unprintable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      throw new IllegalStateException("toString refuses");
    }

    @Override
    public String getMessage() {
      throw new IllegalStateException("getMessage refuses");
    }

    @Override
    public String getLocalizedMessage() {
      throw new IllegalStateException("getLocalizedMessage refuses");
    }

    @Override
    public synchronized Throwable getCause() {
      throw new IllegalStateException("getCause refuses");
    }

    @Override
    public StackTraceElement[] getStackTrace() {
      throw new IllegalStateException("getStackTrace refuses");
    }
  }

}
