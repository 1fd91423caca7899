package dev.cartwright.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stock ledger ({@code stock_movement}), written by the stock rows' own trigger in the
 * transaction of each change (V23__stock_movement.sql): here it is only read.
 */
@Repository
public class StockMovements {

    /** Up to a page of movements, newest first; {@code more} when older ones follow the last. */
    public record Page(List<StockMovement> movements, boolean more) {}

    private final JdbcClient jdbc;

    StockMovements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The product's movements before the one with id {@code before} (from the newest when null), newest first. */
    public Page page(long productId, @Nullable Long before, int limit) {
        List<StockMovement> rows = jdbc.sql("""
                        select id, kind, quantity, on_hand_after, reserved_after, checkout_id, at
                          from stock_movement
                         where product_id = :product and (cast(:before as bigint) is null or id < :before)
                         order by id desc
                         limit :limit
                        """)
                .param("product", productId)
                .param("before", before)
                .param("limit", limit + 1)
                .query(StockMovements::movement)
                .list();
        boolean more = rows.size() > limit;
        return new Page(more ? rows.subList(0, limit) : rows, more);
    }

    /** The last {@code seconds} whole seconds up to {@code now}'s, oldest first, each second there even when nothing moved. */
    public List<StockSecond> lastSeconds(long productId, int seconds, Instant now) {
        Instant last = now.truncatedTo(ChronoUnit.SECONDS);
        Instant first = last.minusSeconds(seconds - 1L);
        Map<Instant, StockSecond> moved = new HashMap<>();
        jdbc.sql("""
                        select date_trunc('second', at) as second,
                               coalesce(sum(quantity) filter (where kind = 'RESERVATION'), 0),
                               coalesce(-sum(quantity) filter (where kind = 'SALE'), 0),
                               coalesce(-sum(quantity) filter (where kind = 'RELEASE'), 0)
                          from stock_movement
                         where product_id = :product and at >= :first
                         group by second
                        """)
                .param("product", productId)
                .param("first", Timestamp.from(first))
                .query(rs -> {
                    Instant at = rs.getObject(1, OffsetDateTime.class).toInstant();
                    moved.put(at, new StockSecond(at, rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        List<StockSecond> series = new ArrayList<>(seconds);
        for (Instant at = first; !at.isAfter(last); at = at.plusSeconds(1)) {
            series.add(moved.getOrDefault(at, new StockSecond(at, 0, 0, 0)));
        }
        return series;
    }

    private static StockMovement movement(ResultSet rs, int row) throws SQLException {
        return new StockMovement(rs.getLong("id"), StockMovement.Kind.valueOf(rs.getString("kind")), rs.getInt("quantity"),
                rs.getInt("on_hand_after"), rs.getInt("reserved_after"), rs.getObject("checkout_id", UUID.class),
                rs.getObject("at", OffsetDateTime.class).toInstant());
    }
}
