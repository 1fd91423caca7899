package dev.cartwright;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.catalog.Product;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What operators scrape from /actuator/prometheus moves with the traffic, carries no ids, and is what the dashboard reads. */
class MetricsTest extends ServiceTest {

    private static final Pattern UUID_LIKE = Pattern.compile(
            "(?i).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*");
    private static final String CHANGES = "cartwright_cart_changes_total";
    private static final String CHECKOUTS = "cartwright_checkouts_total";
    private static final String RELEASED = "cartwright_checkouts_released_total";

    @Autowired
    private DataSource dataSource;

    private Scrape scrape() {
        return Scrape.of(newShopper(), ADMIN_TOKEN);
    }

    @Test
    void cartChangesAreCountedByOutcomeAndByTheCodeOfTheirRefusal() {
        Product product = newProduct("Metered Kettle", 3500, 2);
        Shopper shopper = newShopper();
        Scrape before = scrape();

        assertThat(add(shopper, product.id(), 1).status()).isEqualTo(200);
        assertThat(add(shopper, product.id(), 5).code()).isEqualTo("INSUFFICIENT_STOCK");
        assertThat(shopper.put("/api/cart/products/" + product.id(), "{\"quantity\": 2}", "If-Match", "\"0\"").code())
                .isEqualTo("VERSION_MISMATCH");

        Scrape after = scrape();
        assertThat(delta(before, after, CHANGES, "outcome", "applied", "code", "NONE")).isEqualTo(1);
        assertThat(delta(before, after, CHANGES, "outcome", "refused", "code", "INSUFFICIENT_STOCK")).isEqualTo(1);
        assertThat(delta(before, after, CHANGES, "outcome", "refused", "code", "VERSION_MISMATCH")).isEqualTo(1);
    }

    @Test
    void checkoutsAreCountedByOutcomeAndTheUnitsTheyHoldShowPerProduct() {
        Product product = newProduct("Metered Lamp", 4200, 1);
        Shopper first = newShopper();
        Shopper second = newShopper();
        add(first, product.id(), 1);
        add(second, product.id(), 1);
        Scrape before = scrape();

        Shopper.Response reserved = checkout(first);
        assertThat(reserved.status()).isEqualTo(201);
        assertThat(checkout(second).code()).isEqualTo("STOCK_CONFLICT");
        assertThat(checkout(newShopper()).code()).isEqualTo("EMPTY_SELECTION");

        Scrape after = scrape();
        assertThat(delta(before, after, CHECKOUTS, "outcome", "reserved")).isEqualTo(1);
        assertThat(delta(before, after, CHECKOUTS, "outcome", "stock_conflict")).isEqualTo(1);
        assertThat(delta(before, after, CHECKOUTS, "outcome", "empty_selection")).isEqualTo(1);
        String productTag = Long.toString(product.id());
        Scrape held = Scrape.until(newShopper(), ADMIN_TOKEN,
                scrape -> scrape.value("cartwright_stock_reserved", "product", productTag) == 1);
        assertThat(held.value("cartwright_stock_reserved", "product", productTag)).isEqualTo(1);
        assertThat(held.value("cartwright_checkouts_open", "status", "reserved")).isGreaterThanOrEqualTo(1);
        assertThat(held.value("cartwright_stock_reserved_units")).isGreaterThanOrEqualTo(1);

        assertThat(first.delete("/api/checkouts/" + reserved.json().path("id").asString()).status()).isEqualTo(200);

        assertThat(delta(after, scrape(), RELEASED, "status", "cancelled")).isEqualTo(1);
        Scrape released = Scrape.until(newShopper(), ADMIN_TOKEN,
                scrape -> !scrape.has("cartwright_stock_reserved", "product", productTag));
        assertThat(released.has("cartwright_stock_reserved", "product", productTag)).isFalse();
    }

    @Test
    void aReplayedIdempotencyKeyIsCounted() {
        Product product = newProduct("Metered Mug", 900, 10);
        Shopper shopper = newShopper();
        String key = UUID.randomUUID().toString();
        String body = "{\"quantity\": 2}";
        assertThat(shopper.put("/api/cart/products/" + product.id(), body, "Idempotency-Key", key).status()).isEqualTo(200);
        Scrape before = scrape();

        Shopper.Response replayed = shopper.put("/api/cart/products/" + product.id(), body, "Idempotency-Key", key);

        assertThat(replayed.header("Idempotent-Replayed")).hasValue("true");
        Scrape after = scrape();
        assertThat(delta(before, after, "cartwright_idempotency_replays_total")).isEqualTo(1);
        // The replay changed nothing, and is no second change.
        assertThat(delta(before, after, CHANGES, "outcome", "applied")).isZero();
    }

    @Test
    void anOverdueCheckoutTheSweeperCannotReleaseShowsAsLagThenAsARelease() throws Exception {
        Product product = newProduct("Metered Clock", 5600, 3);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        String checkoutId = checkout(shopper).json().path("id").asString();
        Scrape before = scrape();

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            // The sweeper's release waits for the product's stock row, held here, so the checkout stays overdue.
            try (PreparedStatement lock = holder.prepareStatement("select * from stock where product_id = ? for update")) {
                lock.setLong(1, product.id());
                lock.executeQuery().close();
            }
            jdbc.sql("update checkout set expires_at = now() - interval '1 hour' where id = :id")
                    .param("id", UUID.fromString(checkoutId)).update();

            Scrape lagging = Scrape.until(newShopper(), ADMIN_TOKEN,
                    scrape -> scrape.value("cartwright_reservations_sweeper_lag_seconds") >= 3600);
            assertThat(lagging.value("cartwright_reservations_sweeper_lag_seconds")).isGreaterThanOrEqualTo(3600);
            holder.rollback();
        }

        Scrape released = Scrape.until(newShopper(), ADMIN_TOKEN,
                scrape -> delta(before, scrape, RELEASED, "status", "expired") >= 1);
        assertThat(delta(before, released, RELEASED, "status", "expired")).isGreaterThanOrEqualTo(1);
        assertThat(shopper.get("/api/checkouts/" + checkoutId).json().path("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void noSeriesOfTheShopIsTaggedWithAnId() {
        Product product = newProduct("Metered Scarf", 2500, 1);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        checkout(shopper);
        add(newShopper(), product.id(), 1);

        Scrape scrape = Scrape.until(newShopper(), ADMIN_TOKEN, s -> s.has("cartwright_stock_reserved"));

        assertThat(scrape.samples()).filteredOn(sample -> sample.name().startsWith("cartwright_")).isNotEmpty()
                .allSatisfy(sample -> assertThat(sample.labels().values()).noneMatch(value -> UUID_LIKE.matcher(value).matches()));
        // The one id a tag may carry is a product's, on the bounded list of the products with the most units reserved.
        assertThat(scrape.samples()).filteredOn(sample -> sample.labels().containsKey("product"))
                .allSatisfy(sample -> assertThat(sample.name()).isEqualTo("cartwright_stock_reserved"));
    }

    @Test
    void everyMetricTheDashboardQueriesIsServed() throws Exception {
        Path dashboard = Path.of(System.getProperty("cartwright.spec-dir", "../spec")).resolveSibling("ops/grafana/cartwright.json");
        JsonNode json = Shopper.JSON.readTree(Files.readString(dashboard));
        assertThat(json.path("uid").asString()).isNotBlank();
        assertThat(json.path("panels")).isNotEmpty();
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : json.path("panels")) {
            assertThat(panel.path("title").asString()).isNotBlank();
            for (JsonNode target : panel.path("targets")) {
                Matcher names = Pattern.compile("\\bcartwright_[a-z_]+").matcher(target.path("expr").asString());
                while (names.find()) {
                    queried.add(names.group());
                }
            }
        }
        assertThat(queried).contains("cartwright_client_rollbacks_total", "cartwright_push_latency_seconds_bucket");
        // Some traffic, so that the series that appear only with it (a product's reserved units) are there.
        Product product = newProduct("Metered Vase", 3100, 1);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        checkout(shopper);

        Scrape scrape = Scrape.until(newShopper(), ADMIN_TOKEN, s -> queried.stream().allMatch(s::has));

        assertThat(queried).allSatisfy(name -> assertThat(scrape.has(name)).as(name).isTrue());
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
