package dev.cartwright.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * While a drop's crowd holds every pooled connection, stock still reaches the sockets (a push reads
 * on the LISTEN connection), and a socket that opens and cannot read its cart in time is closed
 * with 1013, "try again later", which the storefront does after a pause; not with a server error.
 * A node of its own, quick to give up waiting for a connection.
 */
@TestPropertySource(properties = "cartwright.database.connection-timeout=PT1S")
class BusyDatabaseTest extends ServiceTest {

    private static final int TRY_AGAIN_LATER = 1013;

    @Autowired
    private DataSource dataSource;

    @Test
    void stockPushesReachSocketsWhileEveryPooledConnectionIsTaken() throws Exception {
        Shopper shopper = newShopper();
        Product drop = newProduct("Busy Drop", 5000, 10);
        shopper.get("/api/cart");
        LiveSocket socket = new LiveSocket(shopper, shopper.base(), null);
        socket.await(message -> message.path("type").asString().equals("cart"), 5);
        socket.send("{\"type\": \"subscribe\", \"productIds\": [" + drop.id() + "]}");
        socket.await(message -> message.path("type").asString().equals("stock") && message.path("available").asInt() == 10, 5);
        List<Connection> held = holdEveryPooledConnection();
        try {
            // A sale made on a connection of its own, announced as the service announces its changes.
            try (Statement sale = held.getFirst().createStatement()) {
                sale.execute("update stock set reserved = reserved + 1, version = version + 1 where product_id = " + drop.id());
                sale.execute("select pg_notify('" + ChangeNotifier.CHANNEL + "', '{\"carts\": [], \"products\": ["
                        + drop.id() + "], \"shoppers\": []}')");
            }
            socket.await(message -> message.path("type").asString().equals("stock") && message.path("available").asInt() == 9, 5);
        } finally {
            release(held);
        }
        socket.close();
    }

    @Test
    void aSocketThatCannotReadTheCartInTimeIsAskedToTryAgainLater() throws Exception {
        Shopper shopper = newShopper();
        shopper.get("/api/cart");
        List<Connection> held = holdEveryPooledConnection();
        try {
            LiveSocket busy = new LiveSocket(shopper, shopper.base(), null);
            assertThat(busy.closed.get(15, TimeUnit.SECONDS)).isEqualTo(TRY_AGAIN_LATER);
        } finally {
            release(held);
        }
        LiveSocket later = new LiveSocket(shopper, shopper.base(), null);
        later.await(message -> message.path("type").asString().equals("cart"), 5);
        later.close();
    }

    /** Every connection the pool has left (the node's listener keeps one of its own). */
    private List<Connection> holdEveryPooledConnection() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        while (pool.getHikariPoolMXBean().getActiveConnections() < pool.getMaximumPoolSize()) {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            held.add(connection);
        }
        return held;
    }

    private static void release(List<Connection> held) throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
    }
}
