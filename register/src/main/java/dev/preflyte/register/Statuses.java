package dev.preflyte.register;

import io.grpc.Status;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/** One-line descriptions of gRPC statuses. */
final class Statuses {

  private Statuses() {}

  /**
   * {@code CODE: description (root cause)}, on one line; transport noise (Netty's pipeline) left
   * out, and a hint when the server's certificate was not trusted.
   */
  static String describe(Status status) {
    StringBuilder text = new StringBuilder(status.getCode().name());
    String description = status.getDescription() == null ? ""
        : status.getDescription().replaceAll("\\s*Channel Pipeline: \\[[^]]*]", "").strip();
    if (!description.isEmpty()) {
      text.append(": ").append(description);
    }
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = status.getCause(); cause != null && !chain.contains(cause); cause = cause.getCause()) {
      chain.add(cause);
    }
    Throwable root = null;
    for (Throwable cause : chain) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        root = cause;   // the deepest cause that says something
      }
    }
    if (root != null && !description.contains(root.getMessage())) {
      text.append(" (").append(root.getMessage()).append(')');
    }
    boolean tls = chain.stream().anyMatch(c -> c instanceof SSLException || c instanceof CertificateException
        || c instanceof java.security.cert.CertPathValidatorException);
    if (tls) {
      text.append("; TLS failed: if FlyteAdmin's certificate comes from a private CA, give its PEM file"
          + " (admin.caCertFilePath)");
    }
    return RegistrationException.oneLine(text.toString());
  }
}
