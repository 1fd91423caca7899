package dev.cartwright.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque tokens that only this service can have issued (page cursors): a payload, signed together
 * with what it belongs to (a search, a shopper), so that a token from elsewhere, or one issued for
 * another search or shopper, reads as nothing.
 */
public final class SignedTokens {

    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;

    /** {@code name} picks the server secret these tokens are signed with, one per kind of token. */
    public SignedTokens(ServerSecrets secrets, String name) {
        this.key = new SecretKeySpec(secrets.secret(name), "HmacSHA256");
    }

    public String issue(byte[] payload, String context) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(payload.length + MAC_BYTES).put(payload).put(mac(payload, context)).array());
    }

    /** The payload of a token issued for this context, {@code payloadBytes} long; empty for any other. */
    public Optional<byte[]> read(String token, int payloadBytes, String context) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (bytes.length != payloadBytes + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(bytes, payloadBytes);
        return MessageDigest.isEqual(Arrays.copyOfRange(bytes, payloadBytes, bytes.length), mac(payload, context))
                ? Optional.of(payload) : Optional.empty();
    }

    private byte[] mac(byte[] payload, String context) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(payload);
            return Arrays.copyOf(mac.doFinal(("\n" + context).getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
