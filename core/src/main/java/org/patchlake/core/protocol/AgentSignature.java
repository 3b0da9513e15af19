package org.patchlake.core.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static java.util.Objects.requireNonNull;

/**
 * The request signature of protocol v1, computed the same way by the agent and verified by ingest.
 *
 * <pre>
 * canonical = METHOD + "\n" + PATH + "\n" + TIMESTAMP + "\n" + NONCE + "\n" + hex(SHA-256(body bytes as sent))
 * signature = base64(HMAC-SHA256(key = UTF-8 bytes of the agent secret, canonical as UTF-8))
 * </pre>
 * METHOD is upper case ({@code POST}), PATH the request path without query string
 * ({@code /api/agent/v1/inventory}), TIMESTAMP the {@link AgentProtocol#HEADER_TIMESTAMP} value (epoch millis),
 * NONCE the {@link AgentProtocol#HEADER_NONCE} value (the body's messageId for POSTs). The body hash covers the
 * bytes on the wire, i.e. the gzip bytes when the body is sent with {@code Content-Encoding: gzip}; an empty
 * body (GET) hashes the empty byte array.
 */
public record AgentSignature(String method, String path, long timestampMillis, String nonce, byte[] bodySha256) {
    public static final String ALGORITHM = "HmacSHA256";

    public AgentSignature {
        method = Checks.text(method, "method");
        path = Checks.text(path, "path");
        nonce = Checks.identifier(nonce, "nonce");
        requireNonNull(bodySha256, "bodySha256 is null");
        if (bodySha256.length != 32) {
            throw new ProtocolViolation("bodySha256", "must be 32 bytes but was " + bodySha256.length);
        }
        bodySha256 = bodySha256.clone();
    }

    public static AgentSignature of(String method, String path, long timestampMillis, String nonce, byte[] body) {
        return new AgentSignature(method, path, timestampMillis, nonce, sha256(body));
    }

    public String canonical() {
        return method + "\n" + path + "\n" + timestampMillis + "\n" + nonce + "\n" + HexFormat.of().formatHex(bodySha256);
    }

    /** The value of the signature header for this request signed with {@code secret}. */
    public String sign(String secret) {
        return Base64.getEncoder().encodeToString(hmac(secret));
    }

    /** Constant-time comparison of a received signature header with the expected one. */
    public boolean verify(String secret, String signatureHeader) {
        if (signatureHeader == null) {
            return false;
        }
        byte[] received;
        try {
            received = Base64.getDecoder().decode(signatureHeader.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret), received);
    }

    private byte[] hmac(String secret) {
        requireNonNull(secret, "secret is null");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(canonical().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public byte[] bodySha256() {
        return bodySha256.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentSignature that && canonical().equals(that.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }

    @Override
    public String toString() {
        return "AgentSignature[" + canonical().replace('\n', ' ') + "]";
    }
}
