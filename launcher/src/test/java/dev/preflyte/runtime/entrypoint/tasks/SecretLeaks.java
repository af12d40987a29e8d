package dev.preflyte.runtime.entrypoint.tasks;

import dev.preflyte.runtime.executor.ExecutionContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds every secret of the container the way careless task code would, and prints it every way. */
final class SecretLeaks {

  private static final List<String> CREDENTIALS = List.of("FLYTE_AWS_SECRET_ACCESS_KEY", "AWS_SECRET_ACCESS_KEY",
      "AZURE_STORAGE_ACCOUNT_KEY", "AZURE_STORAGE_CONNECTION_STRING");

  private SecretLeaks() {}

  /** The raw values: secrets API, _FSEC_ variables, credential variables, secret files with their newline. */
  static List<String> all(ExecutionContext context) {
    List<String> values = new ArrayList<>();
    values.add(context.secrets().get("db", "password"));
    for (Map.Entry<String, String> variable : System.getenv().entrySet()) {
      if (variable.getKey().startsWith("_FSEC_") || CREDENTIALS.contains(variable.getKey())) {
        values.add(variable.getValue());
      }
    }
    String directory = System.getenv("FLYTE_SECRETS_DEFAULT_DIR");
    if (directory != null) {
      try (Stream<Path> files = Files.walk(Path.of(directory))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          values.add(Files.readString(file)); // raw, final newline and all
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return values;
  }

  /** Prints and logs every secret in every way a task can, on stdout and stderr. */
  static void printEverything(ExecutionContext context) {
    List<String> secrets = all(context);
    for (String secret : secrets) {
      System.out.println("plain " + secret);
      System.err.println("plain on stderr " + secret);
      System.out.print("x".repeat(200_000)); // a very long line, then the secret on it
      System.out.print(secret);
      System.out.println();
      byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
      for (byte b : bytes) { // one byte per write
        System.err.write(b);
        System.err.flush();
      }
      System.err.println();
      int half = secret.length() / 2; // two writes, with the other stream in between
      System.out.print("split " + secret.substring(0, half));
      System.err.print("interleaved");
      System.out.print(secret.substring(half));
      System.out.println(" end");
      System.out.print(secret); // the raw value with its final newline, then the next line
      System.out.println("next line");
      System.out.printf("formatted %s%n", secret);
      context.logger().info("logging the secret {}", secret);
      context.logger().warn("an exception with the secret", new IllegalStateException("secret is " + secret));
    }
    System.out.print("unterminated " + secrets.get(0)); // no newline at all
  }

  /** Everything of {@link #printEverything}, and the secrets left in a file of the working directory. */
  static void leakEverything(ExecutionContext context) {
    printEverything(context);
    try {
      Files.writeString(context.workingDirectory().resolve("secrets.txt"), String.join("\n", all(context)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
