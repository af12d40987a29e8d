package dev.preflyte.register;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A PEM file of CA certificates, as flytectl's {@code admin.caCertFilePath} names one. */
final class CaCertificates {

  private CaCertificates() {}

  /** Fails with a one-line message when the file is unreadable or holds no certificate. */
  static void check(Path file) throws RegistrationException {
    load(file);
  }

  /** An SSL context trusting exactly the file's certificates, for the token endpoint. */
  static SSLContext sslContext(Path file) throws RegistrationException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : load(file)) {
        store.setCertificateEntry("ca" + i++, certificate);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new RegistrationException("cannot use the CA certificate file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Collection<? extends Certificate> load(Path file) throws RegistrationException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(file)) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (IOException e) {
      throw new RegistrationException("cannot read the CA certificate file " + file + ": " + e, e);
    } catch (GeneralSecurityException e) {
      throw new RegistrationException(
          "the CA certificate file " + file + " holds no PEM certificate: " + e.getMessage(), e);
    }
    if (certificates.isEmpty()) {
      throw new RegistrationException("the CA certificate file " + file + " holds no certificate");
    }
    return certificates;
  }
}
