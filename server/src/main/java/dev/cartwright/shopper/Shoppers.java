package dev.cartwright.shopper;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The shopper table. A guest's row appears with their first change, not with their first
 * visit: page loads and reads leave no trace.
 */
@Repository
public class Shoppers {

    private final JdbcClient jdbc;

    Shoppers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the shopper's row if it is not there yet; their first change calls this. */
    public void enroll(ShopperId shopper) {
        jdbc.sql("insert into shopper (id) values (:id) on conflict (id) do nothing")
                .param("id", shopper.value())
                .update();
    }

    /** Marks the shopper as seen now; false when they have no row (never changed anything, or forgotten). */
    boolean seen(ShopperId shopper) {
        return jdbc.sql("update shopper set last_seen_at = now() where id = :id")
                .param("id", shopper.value())
                .update() > 0;
    }

    /** The shopper of a cookie issued before cookies were signed. */
    Optional<ShopperId> byLegacyToken(ShopperToken token) {
        return jdbc.sql("select id from shopper where token_hash = :hash")
                .param("hash", token.hash())
                .query((rs, row) -> new ShopperId(rs.getObject(1, UUID.class)))
                .optional();
    }
}
