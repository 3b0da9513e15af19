package org.patchlake.web;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The HTTPS connector: from PEM files (certificate chain + PKCS#8 key, encrypted or not; see {@link PemKeyStore}) or a
 * PKCS#12 keystore. Kept as plain Jetty rather than Javalin's SSL plugin, which would bring Kotlin, BouncyCastle and
 * Conscrypt and switch on HTTP/2 for a connector that only needs TLS 1.2/1.3 and HTTP/1.1.
 */
final class TlsConnector {
    private TlsConnector() {
    }

    static Connector create(Server server, HttpConfiguration httpConfiguration, WebConfig config) {
        WebConfig.Tls tls = config.tls();
        KeyStore keyStore;
        String password;
        if (tls.keystore() != null) {
            password = tls.keystorePassword() == null ? "" : tls.keystorePassword();
            keyStore = loadPkcs12(tls.keystore(), password);
        } else {
            password = "patchlake";
            keyStore = PemKeyStore.load(tls.certificate(), tls.privateKey(), tls.keystorePassword(), password);
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(password);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(httpConfiguration);
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    private static KeyStore loadPkcs12(Path path, String password) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read PKCS#12 keystore " + path + ": " + e.getMessage(), e);
        }
    }
}
