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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/** The HTTPS connector: from PEM files (certificate chain + unencrypted PKCS#8 key) or a PKCS#12 keystore. */
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
            keyStore = fromPem(tls.certificate(), tls.privateKey(), password);
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

    static KeyStore fromPem(Path certificatePath, Path keyPath, String password) {
        try {
            Collection<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certificatePath)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + certificatePath);
            }
            String pem = Files.readString(keyPath, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalArgumentException("private key " + keyPath + " is not an unencrypted PKCS#8 PEM key "
                        + "(-----BEGIN PRIVATE KEY-----); convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
            }
            String base64 = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"))
                    .replaceAll("\\s", "");
            PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
            PrivateKey key = null;
            for (String algorithm : new String[]{"RSA", "EC", "Ed25519"}) {
                try {
                    key = KeyFactory.getInstance(algorithm).generatePrivate(spec);
                    break;
                } catch (GeneralSecurityException ignored) {
                    // try the next algorithm
                }
            }
            if (key == null) {
                throw new IllegalArgumentException("private key " + keyPath + " is not an RSA, EC or Ed25519 key");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("patchlake", key, password.toCharArray(), chain.toArray(new Certificate[0]));
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLS certificate or key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load TLS certificate " + certificatePath + ": " + e.getMessage(), e);
        }
    }
}
