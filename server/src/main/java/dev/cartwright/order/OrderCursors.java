package dev.cartwright.order;

import dev.cartwright.platform.ServerSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Opaque cursors into a shopper's orders: the place of a page's last order, newest first, which
 * is (created_at, id) so that an order placed meanwhile neither moves the pages nor shows twice.
 * Signed with the shopper's id: a cursor the service did not issue, or issued to someone else, is refused.
 */
@Component
class OrderCursors {

    /** Where a page ended: the next page holds the orders placed before this one. */
    record Position(Instant createdAt, UUID id) {}

    private static final int MAC_BYTES = 16;
    private static final int POSITION_BYTES = Long.BYTES + 2 * Long.BYTES;

    private final SecretKeySpec key;

    OrderCursors(ServerSecrets secrets) {
        this.key = new SecretKeySpec(secrets.secret("order-cursor"), "HmacSHA256");
    }

    String issue(Position last, UUID shopperId) {
        byte[] position = position(last);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(POSITION_BYTES + MAC_BYTES).put(position).put(mac(position, shopperId)).array());
    }

    /** The position the cursor stands for, or empty when the service did not issue it to this shopper. */
    Optional<Position> read(String cursor, UUID shopperId) {
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (token.length != POSITION_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] position = Arrays.copyOf(token, POSITION_BYTES);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(token, POSITION_BYTES, token.length), mac(position, shopperId))) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(position);
        return Optional.of(new Position(Instant.EPOCH.plus(read.getLong(), ChronoUnit.MICROS),
                new UUID(read.getLong(), read.getLong())));
    }

    /** PostgreSQL keeps microseconds, so a position in microseconds is exact. */
    private static byte[] position(Position last) {
        return ByteBuffer.allocate(POSITION_BYTES)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt()))
                .putLong(last.id().getMostSignificantBits())
                .putLong(last.id().getLeastSignificantBits())
                .array();
    }

    private byte[] mac(byte[] position, UUID shopperId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(position);
            return Arrays.copyOf(mac.doFinal(shopperId.toString().getBytes(StandardCharsets.US_ASCII)),
                    MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
