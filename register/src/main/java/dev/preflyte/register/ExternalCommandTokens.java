package dev.preflyte.register;

import io.grpc.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A token printed by a command (flytectl's {@code ExternalCommand}): its standard output, trimmed.
 * The command runs once and again only after FlyteAdmin refuses the token; its standard error goes
 * to ours, so a login prompt stays visible; its output is never repeated in a message.
 */
final class ExternalCommandTokens implements TokenProvider {

  private final AdminAuth.ExternalCommand auth;
  private String token;

  ExternalCommandTokens(AdminAuth.ExternalCommand auth) {
    this.auth = auth;
  }

  @Override
  public synchronized String token(Channel channel) throws RegistrationException {
    if (token == null) {
      token = run();
    }
    return token;
  }

  @Override
  public String metadataKey() {
    return "authorization";
  }

  @Override
  public synchronized void invalidate(String refused) {
    if (refused != null && refused.equals(token)) {
      token = null;
    }
  }

  private String run() throws RegistrationException {
    String name = auth.command().get(0);
    Process process;
    try {
      process = new ProcessBuilder(auth.command())
          .redirectInput(ProcessBuilder.Redirect.INHERIT)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
    } catch (IOException e) {
      throw new RegistrationException("cannot run the token command " + name + ": " + e.getMessage(), e);
    }
    CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = process.getInputStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        return new byte[0];
      }
    });
    try {
      if (!process.waitFor(auth.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new RegistrationException(
            "the token command " + name + " did not finish within " + auth.timeout().toSeconds() + "s");
      }
      byte[] bytes = output.get(5, TimeUnit.SECONDS);
      if (process.exitValue() != 0) {
        throw new RegistrationException(
            "the token command " + name + " failed with exit code " + process.exitValue());
      }
      String printed = new String(bytes, StandardCharsets.UTF_8).strip();
      if (printed.isEmpty()) {
        throw new RegistrationException("the token command " + name + " printed no token");
      }
      if (printed.contains("\n")) {
        throw new RegistrationException(
            "the token command " + name + " printed more than one line; it must print the token alone");
      }
      return printed;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new RegistrationException("interrupted while running the token command " + name);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new RegistrationException("cannot read the output of the token command " + name);
    }
  }
}
