package dev.preflyte.register;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a client secret is read from: a file (flytectl's {@code admin.clientSecretLocation}) or an
 * environment variable ({@code admin.clientSecretEnvVar}). Only the location is held; the secret
 * is read when a token is requested and appears in no message, log or {@code toString}.
 */
public sealed interface SecretSource {

  /** Reads the secret; trailing white space and line ends (as files usually have) are dropped. */
  String read() throws RegistrationException;

  static SecretSource file(Path file) {
    return new FromFile(file);
  }

  static SecretSource environment(String variable) {
    return new FromEnvironment(variable, System::getenv);
  }

  /** An environment variable looked up through {@code environment} (tests give their own). */
  static SecretSource environment(String variable, UnaryOperator<String> environment) {
    return new FromEnvironment(variable, environment);
  }

  record FromFile(Path file) implements SecretSource {
    public FromFile {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String read() throws RegistrationException {
      String secret;
      try {
        secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new RegistrationException("cannot read the client secret file " + file + ": "
            + e.getClass().getSimpleName());
      }
      if (secret.isEmpty()) {
        throw new RegistrationException("the client secret file " + file + " is empty");
      }
      return secret;
    }
  }

  record FromEnvironment(String variable, UnaryOperator<String> environment) implements SecretSource {
    public FromEnvironment {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String read() throws RegistrationException {
      String secret = environment.apply(variable);
      if (secret == null || secret.isBlank()) {
        throw new RegistrationException("the client secret variable " + variable + " is not set");
      }
      return secret.strip();
    }

    @Override
    public String toString() {
      return "FromEnvironment[variable=" + variable + "]";
    }
  }
}
