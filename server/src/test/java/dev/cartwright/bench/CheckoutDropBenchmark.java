package dev.cartwright.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.StockLedger;
import dev.cartwright.catalog.Product;
import dev.cartwright.checkout.CheckoutTestSteps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A drop: 2,000 shoppers with the product in their cart check out 100 units, 64 at a time, over
 * HTTP; then a sale where every one of them gets a unit; beside each, the database's own rate for
 * the one conditional statement on the hot row, on few units and on enough for every statement.
 * Prints figures; asserts nothing about time. Run: {@code ./mvnw -Pbenchmarks -pl server -am verify}.
 */
@Tag("benchmark")
class CheckoutDropBenchmark extends ServiceTest {

    private static final int SHOPPERS = 2_000;
    private static final int UNITS = 100;
    private static final int IN_FLIGHT = 64;
    private static final int ROUNDS = 5;

    @Autowired
    HikariDataSource dataSource;

    record Figures(double perSecond, double p50, double p99) {}

    @Test
    void aDropAgainstTheHotRowStatement() {
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            drop("warm-up (discarded)", UNITS);
            drop("warm-up (discarded)", SHOPPERS);
            hotRow("warm-up (discarded)", UNITS);
        }
        List<Figures> drops = new ArrayList<>();
        List<Figures> sales = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            double soldOut = hotRow("hot-row UPDATE, 100 units", UNITS);
            double reserving = hotRow("hot-row UPDATE, every one reserves", SHOPPERS);
            Figures drop = drop("drop: 2,000 shoppers, 100 units", UNITS);
            Figures sale = drop("sale: 2,000 shoppers, 2,000 units", SHOPPERS);
            System.out.printf("round %d, ratio to the hot-row statement: drop %.2f (100 units), sale %.2f (every one reserves)%n",
                    round, drop.perSecond() / soldOut, sale.perSecond() / reserving);
            drops.add(drop);
            sales.add(sale);
        }
        System.out.printf("%nmedian of %d rounds: drop %s; sale %s%n%n", ROUNDS, median(drops), median(sales));
        StockLedger.assertBalanced(jdbc);
    }

    private static String median(List<Figures> rounds) {
        Figures median = rounds.stream().sorted(Comparator.comparingDouble(Figures::perSecond)).toList().get(rounds.size() / 2);
        return "%.0f checkouts/s, p50 %.1f ms, p99 %.1f ms".formatted(median.perSecond(), median.p50(), median.p99());
    }

    /** Every shopper has one unit of the product in their cart and checks out, 64 at a time. */
    private Figures drop(String name, int units) {
        Product product = newProduct("Drop Sneaker", 15000, units);
        // One client for every shopper, each known by its cookie: a client per shopper would hold
        // thousands of sockets open across the rounds.
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            List<String> shoppers = Race.run(IN_FLIGHT, i -> IntStream.range(0, SHOPPERS)
                            .filter(n -> n % IN_FLIGHT == i)
                            .mapToObj(n -> guestWithTheProduct(http, product))
                            .toList())
                    .stream().flatMap(List::stream).toList();
            ConcurrentLinkedQueue<String> waiting = new ConcurrentLinkedQueue<>(shoppers);
            long[] latencies = new long[SHOPPERS];
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger created = new AtomicInteger();
            long start = System.nanoTime();
            Race.run(IN_FLIGHT, i -> {
                for (String cookie = waiting.poll(); cookie != null; cookie = waiting.poll()) {
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = post(http, "/api/checkouts", cookie,
                            "{\"shippingAddress\": " + CheckoutTestSteps.ADDRESS + "}");
                    latencies[answered.getAndIncrement()] = System.nanoTime() - sent;
                    if (answer.statusCode() == 201) {
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
    }

    /** A new guest who has put the product in their cart; answers their cookie. */
    private String guestWithTheProduct(HttpClient http, Product product) {
        HttpResponse<String> added = post(http, "/api/cart/items", null,
                "{\"productId\": %d, \"quantity\": 1}".formatted(product.id()));
        require(added, 200);
        return added.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    }

    private HttpResponse<String> post(HttpClient http, String path, @Nullable String cookie, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private static void require(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }
}
