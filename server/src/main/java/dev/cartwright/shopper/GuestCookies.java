package dev.cartwright.shopper;

import dev.cartwright.platform.ServerSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Shopper cookies signed with a key every node shares: the shopper's id and the cookie's issue
 * time (and, for a signed-in browser, its session's id), then an HMAC of them. A guest is known
 * without a database lookup, and a cookie nobody issued, or one changed by a single bit, is no one's.
 */
@Component
class GuestCookies {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** 16 bytes of id and 8 of issue time, a dot, 32 bytes of HMAC-SHA256; all base64url. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{32}\\.[A-Za-z0-9_-]{43}");
    /** 16 bytes of id, 8 of issue time and 16 of session, a dot, 32 bytes of HMAC-SHA256. */
    private static final Pattern SESSION_FORMAT = Pattern.compile("[A-Za-z0-9_-]{54}\\.[A-Za-z0-9_-]{43}");
    /** Signed apart from guest claims, so that no bytes of one kind can pass for the other. */
    private static final byte[] SESSION_DOMAIN = "session:".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    GuestCookies(ServerSecrets secrets) {
        this.key = new SecretKeySpec(secrets.secret("guest-cookie"), "HmacSHA256");
    }

    String issue(GuestCookie cookie) {
        byte[] claims = ByteBuffer.allocate(24)
                .putLong(cookie.shopper().value().getMostSignificantBits())
                .putLong(cookie.shopper().value().getLeastSignificantBits())
                .putLong(cookie.issuedAt().getEpochSecond())
                .array();
        return ENCODER.encodeToString(claims) + "." + ENCODER.encodeToString(mac(claims));
    }

    Optional<GuestCookie> read(String value) {
        if (!FORMAT.matcher(value).matches()) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        byte[] claims = DECODER.decode(value.substring(0, dot));
        if (!MessageDigest.isEqual(mac(claims), DECODER.decode(value.substring(dot + 1)))) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(claims);
        UUID id = new UUID(read.getLong(), read.getLong());
        return Optional.of(new GuestCookie(new ShopperId(id), Instant.ofEpochSecond(read.getLong())));
    }

    String issue(SessionCookie cookie) {
        byte[] claims = ByteBuffer.allocate(40)
                .putLong(cookie.shopper().value().getMostSignificantBits())
                .putLong(cookie.shopper().value().getLeastSignificantBits())
                .putLong(cookie.issuedAt().getEpochSecond())
                .putLong(cookie.session().getMostSignificantBits())
                .putLong(cookie.session().getLeastSignificantBits())
                .array();
        return ENCODER.encodeToString(claims) + "." + ENCODER.encodeToString(mac(sessionClaims(claims)));
    }

    Optional<SessionCookie> readSession(String value) {
        if (!SESSION_FORMAT.matcher(value).matches()) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        byte[] claims = DECODER.decode(value.substring(0, dot));
        if (!MessageDigest.isEqual(mac(sessionClaims(claims)), DECODER.decode(value.substring(dot + 1)))) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(claims);
        UUID id = new UUID(read.getLong(), read.getLong());
        Instant issuedAt = Instant.ofEpochSecond(read.getLong());
        return Optional.of(new SessionCookie(new ShopperId(id), new UUID(read.getLong(), read.getLong()), issuedAt));
    }

    private static byte[] sessionClaims(byte[] claims) {
        return ByteBuffer.allocate(SESSION_DOMAIN.length + claims.length).put(SESSION_DOMAIN).put(claims).array();
    }

    /**
     * The id a long-gone guest continues under. It is derived from the old one, so that requests
     * sent at once with the same old cookie all land on the same new guest.
     */
    ShopperId successor(ShopperId gone) {
        byte[] digest = mac(("successor:" + gone).getBytes(StandardCharsets.US_ASCII));
        ByteBuffer bits = ByteBuffer.wrap(Arrays.copyOf(digest, 16));
        long high = (bits.getLong() & ~0xF000L) | 0x4000L;
        long low = (bits.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new ShopperId(new UUID(high, low));
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
