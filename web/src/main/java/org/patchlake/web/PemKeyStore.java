package org.patchlake.web;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
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

/**
 * A certificate chain and its private key from PEM files, as an in-memory PKCS#12 key store for Jetty. The key is
 * PKCS#8, unencrypted ({@code BEGIN PRIVATE KEY}) or encrypted with a password ({@code BEGIN ENCRYPTED PRIVATE KEY},
 * PBES2 with AES as {@code openssl genpkey -aes-256-cbc} or {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} write it; the JDK
 * does not read PBES2 with 3DES, and the error says how to re-encrypt); RSA, EC or Ed25519.
 */
final class PemKeyStore {
    private static final String PLAIN = "PRIVATE KEY";
    private static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";

    private PemKeyStore() {
    }

    /** {@code keyPassword} opens an encrypted key (null for an unencrypted one); the store's own password is {@code storePassword}. */
    static KeyStore load(Path certificatePath, Path keyPath, String keyPassword, String storePassword) {
        try {
            Collection<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certificatePath)) {
                chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + certificatePath);
            }
            PrivateKey key = privateKey(keyPath, Files.readString(keyPath, StandardCharsets.US_ASCII), keyPassword);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("patchlake", key, storePassword.toCharArray(), chain.toArray(new Certificate[0]));
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLS certificate or key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load TLS certificate " + certificatePath + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path keyPath, String pem, String password) {
        PKCS8EncodedKeySpec spec;
        if (pem.contains("-----BEGIN " + ENCRYPTED + "-----")) {
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("private key " + keyPath + " is encrypted: give its password with "
                        + "--keystore-password (or PATCHLAKE_KEYSTORE_PASSWORD)");
            }
            spec = decrypt(keyPath, block(pem, ENCRYPTED), password);
        } else if (pem.contains("-----BEGIN " + PLAIN + "-----")) {
            spec = new PKCS8EncodedKeySpec(block(pem, PLAIN));
        } else {
            throw new IllegalArgumentException("private key " + keyPath + " is not a PKCS#8 PEM key (-----BEGIN PRIVATE KEY----- or "
                    + "-----BEGIN ENCRYPTED PRIVATE KEY-----); convert it with: openssl pkcs8 -topk8 -in KEY -out KEY.pk8");
        }
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException ignored) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("private key " + keyPath + " is not an RSA, EC or Ed25519 key");
    }

    private static PKCS8EncodedKeySpec decrypt(Path keyPath, byte[] der, String password) {
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            String algorithm = info.getAlgParameters().toString(); // PBES2: e.g. PBEWithHmacSHA256AndAES_256
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray())),
                    info.getAlgParameters());
            return info.getKeySpec(cipher);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot decrypt private key " + keyPath + ": " + e.getMessage() + " (a wrong password, "
                    + "or a cipher Java does not read: PBES2 with AES is read, 3DES (openssl req's default) is not; re-encrypt with: "
                    + "openssl pkcs8 -topk8 -v2 aes-256-cbc -in KEY -out KEY.aes)", e);
        }
    }

    private static byte[] block(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        int start = pem.indexOf(begin) + begin.length();
        int end = pem.indexOf("-----END " + label + "-----", start);
        if (end < 0) {
            throw new IllegalArgumentException("PEM block " + label + " has no END line");
        }
        return Base64.getMimeDecoder().decode(pem.substring(start, end));
    }
}
