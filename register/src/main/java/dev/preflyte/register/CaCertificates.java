package dev.preflyte.register;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** A PEM file of CA certificates, as flytectl's {@code admin.caCertFilePath} names one. */
final class CaCertificates {

  private CaCertificates() {}

  /** Fails with a one-line message when the file is unreadable or holds no certificate. */
  static void check(Path file) throws RegistrationException {
    load(file);
  }

  /**
   * An SSL context for the token endpoint trusting the file's certificates and the system's: the
   * identity provider often sits elsewhere (Okta, Entra ID) under a public CA while FlyteAdmin has
   * a private one.
   */
  static SSLContext sslContext(Path file) throws RegistrationException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : load(file)) {
        store.setCertificateEntry("ca" + i++, certificate);
      }
      X509TrustManager custom = trustManager(store);
      X509TrustManager system = trustManager(null);
      X509TrustManager both = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
          system.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
          try {
            custom.checkServerTrusted(chain, authType);
          } catch (CertificateException notOurs) {
            system.checkServerTrusted(chain, authType);
          }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          X509Certificate[] ours = custom.getAcceptedIssuers();
          X509Certificate[] theirs = system.getAcceptedIssuers();
          X509Certificate[] all = java.util.Arrays.copyOf(ours, ours.length + theirs.length);
          System.arraycopy(theirs, 0, all, ours.length, theirs.length);
          return all;
        }
      };
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {both}, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new RegistrationException("cannot use the CA certificate file " + file + ": " + e.getMessage(), e);
    }
  }

  private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
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
