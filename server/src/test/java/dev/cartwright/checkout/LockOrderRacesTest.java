package dev.cartwright.checkout;

import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.completeOnHostedPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.StockLedger;
import dev.cartwright.catalog.Product;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Checkouts, their replacements, payments completing and the sweeper, all at once on the same
 * products, for seconds: with one lock order nobody waits on anybody in a circle, so PostgreSQL
 * detects no deadlock, nothing answers 5xx, and the stock adds up.
 */
@TestPropertySource(properties = {"cartwright.checkout.reservation-ttl=PT1S", "cartwright.checkout.sweep-interval=PT0.1S"})
class LockOrderRacesTest extends ServiceTest {

    private static final Duration RACE = Duration.ofSeconds(5);

    @Test
    void checkoutsReplacementsPaymentsAndTheSweeperNeverDeadlock() throws Exception {
        List<Product> products = List.of(newProduct("Lock Order Lamp", 1000, 10_000), newProduct("Lock Order Vase", 2000, 10_000),
                newProduct("Lock Order Bowl", 3000, 10_000), newProduct("Lock Order Mug", 400, 10_000));
        long deadlocksBefore = deadlocks();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        Instant end = Instant.now().plus(RACE);
        try (ExecutorService shoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int seed = i;
                running.add(shoppers.submit(() -> shopUntil(end, products, new Random(seed), statuses)));
            }
            for (Future<?> shopper : running) {
                shopper.get();
            }
        }
        Thread.sleep(1500); // the last webhooks and sweeps, and PostgreSQL's statistics, catch up

        assertThat(statuses).as("answers during the race").allMatch(status -> status < 500);
        assertThat(deadlocks()).as("deadlocks PostgreSQL detected").isEqualTo(deadlocksBefore);
        StockLedger.assertBalanced(jdbc);
    }

    /** Lines added in a random order, checked out again and again, some paid, some cancelled, some left to expire. */
    private void shopUntil(Instant end, List<Product> products, Random random, Set<Integer> statuses) {
        Shopper shopper = newShopper();
        List<Product> mine = new ArrayList<>(products);
        java.util.Collections.shuffle(mine, random);
        for (Product product : mine.subList(0, 2 + random.nextInt(3))) {
            statuses.add(shopper.put("/api/cart/products/" + product.id(), "{\"quantity\": " + (1 + random.nextInt(3)) + "}").status());
        }
        while (Instant.now().isBefore(end)) {
            Shopper.Response created = checkout(shopper);
            statuses.add(created.status());
            if (created.status() != 201) {
                continue;
            }
            String id = created.json().path("id").asString();
            switch (random.nextInt(3)) {
                case 0 -> {
                    Shopper.Response started = shopper.post("/api/checkouts/" + id + "/payment", "{\"method\": \"card\"}");
                    statuses.add(started.status());
                    if (started.status() == 200) {
                        statuses.add(completeOnHostedPage(shopper, started.json().path("redirectUrl").asString(),
                                random.nextBoolean() ? "paid" : "declined").status());
                        Product again = products.get(random.nextInt(products.size()));
                        statuses.add(shopper.put("/api/cart/products/" + again.id(), "{\"quantity\": 1}").status());
                    }
                }
                case 1 -> statuses.add(shopper.delete("/api/checkouts/" + id).status());
                default -> {
                    // left to the sweeper, or replaced by the next checkout
                }
            }
        }
    }

    private long deadlocks() {
        jdbc.sql("select pg_stat_clear_snapshot()").query((rs, row) -> true).list();
        return jdbc.sql("select deadlocks from pg_stat_database where datname = current_database()").query(Long.class).single();
    }
}
