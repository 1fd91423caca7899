package dev.cartwright.bench;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;

import com.zaxxer.hikari.HikariDataSource;
import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.StockLedger;
import dev.cartwright.catalog.Product;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A drop: 2,000 shoppers with the product in their cart check out 100 units, 64 at a time, over
 * HTTP; beside it, the database's own rate for the one conditional statement on the hot row.
 * Prints figures; asserts nothing about time. Run: {@code ./mvnw -Pbenchmarks -pl server -am verify}.
 */
@Tag("benchmark")
class CheckoutDropBenchmark extends ServiceTest {

    private static final int SHOPPERS = 2_000;
    private static final int UNITS = 100;
    private static final int IN_FLIGHT = 64;
    private static final int ROUNDS = 3;

    @Autowired
    HikariDataSource dataSource;

    record Figures(double perSecond, double p50, double p99) {}

    @Test
    void aDropAgainstTheHotRowStatement() {
        drop("warm-up (discarded)");
        hotRow("warm-up (discarded)", UNITS);
        double best = 0;
        Figures service = null;
        for (int round = 1; round <= ROUNDS; round++) {
            double soldOut = hotRow("hot-row UPDATE, 100 units, round " + round, UNITS);
            double reserving = hotRow("hot-row UPDATE, every one reserves", SHOPPERS);
            Figures figures = drop("POST /api/checkouts, round " + round);
            if (figures.perSecond() > best) {
                best = figures.perSecond();
                service = figures;
            }
            System.out.printf("ratio to the hot-row statement: %.2f (100 units), %.2f (every one reserves)%n",
                    figures.perSecond() / soldOut, figures.perSecond() / reserving);
        }
        System.out.printf("%nbest drop round: %.0f checkouts/s, p50 %.1f ms, p99 %.1f ms%n%n",
                service.perSecond(), service.p50(), service.p99());
        StockLedger.assertBalanced(jdbc);
    }

    private Figures drop(String name) {
        Product product = newProduct("Drop Sneaker", 15000, UNITS);
        List<Shopper> shoppers = IntStream.range(0, SHOPPERS).mapToObj(i -> newShopper()).toList();
        Race.run(IN_FLIGHT, i -> {
            for (int n = i; n < SHOPPERS; n += IN_FLIGHT) {
                require(add(shoppers.get(n), product.id(), 1), 200);
            }
            return null;
        });
        ConcurrentLinkedQueue<Shopper> waiting = new ConcurrentLinkedQueue<>(shoppers);
        long[] latencies = new long[SHOPPERS];
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        long start = System.nanoTime();
        Race.run(IN_FLIGHT, i -> {
            for (Shopper shopper = waiting.poll(); shopper != null; shopper = waiting.poll()) {
                long sent = System.nanoTime();
                Shopper.Response answer = checkout(shopper);
                latencies[answered.getAndIncrement()] = System.nanoTime() - sent;
                if (answer.status() == 201) {
                    created.incrementAndGet();
                } else {
                    require(answer, 409);
                }
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        Figures figures = new Figures(SHOPPERS / seconds, latencies[SHOPPERS / 2] / 1e6,
                latencies[SHOPPERS * 99 / 100] / 1e6);
        System.out.printf("%-36s %7.0f checkouts/s  p50 %6.1f ms  p99 %6.1f ms  (%d created, %d at once, %.2f s)%n",
                name, figures.perSecond(), figures.p50(), figures.p99(), created.get(), IN_FLIGHT, seconds);
        return figures;
    }

    /** The statement pgbench runs for the baseline: one conditional UPDATE of the hot row, autocommit. */
    private double hotRow(String name, int units) {
        Product product = newProduct("Hot Row", 100, units);
        // Connections of its own, opened before the clock starts, as pgbench's clients: the service's pool is smaller.
        List<Connection> connections = IntStream.range(0, IN_FLIGHT).mapToObj(i -> connect()).toList();
        AtomicInteger left = new AtomicInteger(SHOPPERS);
        long start = System.nanoTime();
        Race.run(IN_FLIGHT, i -> {
            try (Connection connection = connections.get(i);
                    PreparedStatement update = connection.prepareStatement(
                            "update stock set reserved = reserved + 1 where product_id = ? and on_hand - reserved >= 1")) {
                update.setLong(1, product.id());
                while (left.getAndDecrement() > 0) {
                    update.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        double perSecond = SHOPPERS / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%-36s %7.0f statements/s (%d on %d units, %d at once)%n", name, perSecond, SHOPPERS, units,
                IN_FLIGHT);
        jdbc.sql("update stock set reserved = 0 where product_id = :id").param("id", product.id()).update();
        return perSecond;
    }

    private Connection connect() {
        try {
            return DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(Shopper.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.toString());
        }
    }
}
