package dev.cartwright.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A socket that opens while no database connection can be had in time (a drop's crowd holds them
 * all) is closed with 1013, "try again later", which the storefront does after a pause; not with
 * a server error. A node of its own, quick to give up waiting for a connection.
 */
@TestPropertySource(properties = "cartwright.database.connection-timeout=PT1S")
class BusyDatabaseSocketTest extends ServiceTest {

    private static final int TRY_AGAIN_LATER = 1013;

    @Autowired
    private DataSource dataSource;

    @Test
    void aSocketThatCannotReadTheCartInTimeIsAskedToTryAgainLater() throws Exception {
        Shopper shopper = newShopper();
        shopper.get("/api/cart");
        List<Connection> held = new ArrayList<>();
        try {
            // Every connection the pool has left (the node's listener keeps one of its own).
            HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
            while (pool.getActiveConnections() < dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()) {
                held.add(dataSource.getConnection());
            }
            LiveSocket busy = new LiveSocket(shopper, shopper.base(), null);
            assertThat(busy.closed.get(15, TimeUnit.SECONDS)).isEqualTo(TRY_AGAIN_LATER);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        LiveSocket later = new LiveSocket(shopper, shopper.base(), null);
        later.await(message -> message.path("type").asString().equals("cart"), 5);
        later.close();
    }
}
