package dev.cartwright.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 1: shoppers browse, then set quantities the way the storefront sends them (an
 * absolute {@code PUT /api/cart/products/{id}} with an Idempotency-Key), a closed model of
 * BENCH_CART_USERS at once, each a new guest with their own cookie. A warm-up of the same
 * kind runs first and is not counted.
 */
public class CartSimulation extends Simulation {

    private final Bench bench = Bench.fromEnvironment();
    private final List<Long> products = Bench.productIds("BENCH_CART_PRODUCTS");
    private final int users = Bench.number("BENCH_CART_USERS");
    private final int changesPerShopper = Bench.number("BENCH_CART_CHANGES_PER_SHOPPER");
    private final Duration warmUp = Bench.seconds("BENCH_CART_WARMUP_SECONDS");
    private final Duration measured = Bench.seconds("BENCH_CART_SECONDS");
    private final String node = bench.node(0);

    /** Changes answered within the measured phase's first {@link #measured} (its tail runs below full concurrency). */
    private final AtomicLong start = new AtomicLong();
    private final AtomicLong counted = new AtomicLong();
    private final Samples latency = new Samples();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    private ChainBuilder shopper(String prefix, boolean counts) {
        return exec(
                http(prefix + "browse").get("/api/products?limit=24").check(status().is(200)),
                http(prefix + "cart").get("/api/cart").check(status().is(200)))
                .exec(session -> {
                    if (counts) {
                        start.compareAndSet(0, System.nanoTime());
                    }
                    return session;
                })
                .repeat(changesPerShopper).on(
                        exec(session -> session.removeAll("status", "millis", "body")
                                .set("product", products.get(ThreadLocalRandom.current().nextInt(products.size())))
                                .set("quantity", 1 + ThreadLocalRandom.current().nextInt(5))
                                .set("key", UUID.randomUUID().toString()))
                        .exec(http(prefix + "change").put("/api/cart/products/#{product}")
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "#{key}")
                                .header("Origin", node)
                                .body(StringBody("{\"quantity\": #{quantity}}"))
                                .check(status().saveAs("status"), responseTimeInMillis().saveAs("millis"), bodyString().saveAs("body"),
                                        status().is(200)))
                        .exec(session -> answered(session, counts)));
    }

    private Session answered(Session session, boolean counts) {
        boolean ok = Integer.valueOf(200).equals(session.get("status"));
        if (counts && ok && System.nanoTime() - start.get() <= measured.toNanos()) {
            counted.incrementAndGet();
            latency.add(session.getLong("millis"));
        }
        if (!ok && unexpected.size() < 10) {
            unexpected.add(session.get("status") + ": " + session.getString("body"));
        }
        return session;
    }

    {
        ScenarioBuilder warm = scenario("warm-up").exec(shopper("warm-up ", false));
        ScenarioBuilder cart = scenario("cart").exec(shopper("", true));
        setUp(warm.injectClosed(constantConcurrentUsers(users).during(warmUp))
                .andThen(cart.injectClosed(constantConcurrentUsers(users).during(measured))))
                .protocols(http.baseUrl(node).acceptHeader("application/json").disableWarmUp());
    }

    @Override
    public void after() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("users", users);
        figures.put("seconds", measured.toSeconds());
        figures.put("changes", counted.get());
        figures.put("changesPerSecond", counted.get() / (double) measured.toSeconds());
        figures.put("latency", latency.figures());
        figures.put("unexpected", new ArrayList<>(unexpected));
        bench.write(figures);
    }
}
