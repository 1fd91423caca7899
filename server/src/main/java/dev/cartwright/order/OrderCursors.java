package dev.cartwright.order;

import dev.cartwright.platform.ServerSecrets;
import dev.cartwright.platform.SignedTokens;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
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

    private static final int POSITION_BYTES = Long.BYTES + 2 * Long.BYTES;

    private final SignedTokens tokens;

    OrderCursors(ServerSecrets secrets) {
        this.tokens = new SignedTokens(secrets, "order-cursor");
    }

    String issue(Position last, UUID shopperId) {
        return tokens.issue(position(last), shopperId.toString());
    }

    /** The position the cursor stands for, or empty when the service did not issue it to this shopper. */
    Optional<Position> read(String cursor, UUID shopperId) {
        return tokens.read(cursor, POSITION_BYTES, shopperId.toString()).map(position -> {
            ByteBuffer read = ByteBuffer.wrap(position);
            return new Position(Instant.EPOCH.plus(read.getLong(), ChronoUnit.MICROS), new UUID(read.getLong(), read.getLong()));
        });
    }

    /** PostgreSQL keeps microseconds, so a position in microseconds is exact. */
    private static byte[] position(Position last) {
        return ByteBuffer.allocate(POSITION_BYTES)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt()))
                .putLong(last.id().getMostSignificantBits())
                .putLong(last.id().getLeastSignificantBits())
                .array();
    }
}
