package dev.cartwright.platform;

import static dev.cartwright.checkout.CheckoutTestSteps.ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Scrape;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A service with small limits that refill slowly (3 cart changes per shopper and 5 per address,
 * 2 checkouts per shopper, per hour). Each test speaks from addresses of its own, set the way a
 * proxy in front of the service would, in X-Forwarded-For.
 */
@TestPropertySource(properties = {
        "cartwright.rate-limit.enabled=true",
        "cartwright.rate-limit.period=PT1H",
        "cartwright.rate-limit.cart.per-shopper=3",
        "cartwright.rate-limit.cart.per-address=5",
        "cartwright.rate-limit.checkouts.per-shopper=2",
        "cartwright.rate-limit.checkouts.per-address=4",
        "cartwright.rate-limit.telemetry.per-shopper=2",
        "cartwright.rate-limit.telemetry.per-address=10"})
class RateLimitTest extends ServiceTest {

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @Test
    void aBurstOfCartChangesBeyondTheShoppersLimitIsRefusedAndChangesNothing() {
        Product product = newProduct("Limited Kettle", 3500, 50);
        Shopper shopper = newShopper();
        for (int i = 0; i < 3; i++) {
            assertThat(addFrom(shopper, "203.0.113.1", product).status()).isEqualTo(200);
        }
        String key = UUID.randomUUID().toString();

        Shopper.Response refused = shopper.post("/api/cart/items",
                "{\"productId\": %d, \"quantity\": 1}".formatted(product.id()),
                FORWARDED_FOR, "203.0.113.1", "Idempotency-Key", key);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.json().path("detail").asString())
                .isEqualTo("You are making changes faster than the shop can take them. Wait a few seconds and try again.");
        // One token comes back every 20 minutes: the answer says when, in whole seconds.
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 1200L));
        JsonNode cart = shopper.get("/api/cart", FORWARDED_FOR, "203.0.113.1").json();
        assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(cart.path("version").asLong()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from idempotency_key where key = :key").param("key", key)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aNewCookieDoesNotResetTheLimitOfItsAddress() {
        Product product = newProduct("Limited Toaster", 4200, 50);
        Shopper first = newShopper();
        for (int i = 0; i < 3; i++) {
            assertThat(addFrom(first, "203.0.113.2", product).status()).isEqualTo(200);
        }
        Shopper second = newShopper();
        assertThat(addFrom(second, "203.0.113.2", product).status()).isEqualTo(200);
        assertThat(addFrom(second, "203.0.113.2", product).status()).isEqualTo(200);

        Shopper.Response withFreshCookie = addFrom(newShopper(), "203.0.113.2", product);

        assertThat(withFreshCookie.status()).isEqualTo(429);
        assertThat(withFreshCookie.code()).isEqualTo("RATE_LIMITED");
        assertThat(addFrom(second, "203.0.113.2", product).status()).isEqualTo(429);
        assertThat(addFrom(second, "203.0.113.3", product).status()).isEqualTo(200);
    }

    @Test
    void checkingOutTooOftenIsRefusedWhileCartChangesGoOn() {
        Product product = newProduct("Limited Blender", 8900, 50);
        Shopper shopper = newShopper();
        assertThat(addFrom(shopper, "203.0.113.4", product).status()).isEqualTo(200);
        assertThat(checkoutFrom(shopper, "203.0.113.4").status()).isEqualTo(201);
        Shopper.Response second = checkoutFrom(shopper, "203.0.113.4");
        assertThat(second.status()).isEqualTo(201);

        Shopper.Response refused = checkoutFrom(shopper, "203.0.113.4");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isPresent();
        String id = second.json().path("id").asString();
        assertThat(shopper.get("/api/checkouts/" + id).json().path("status").asString()).isEqualTo("RESERVED");
        assertThat(jdbc.sql("select count(*) from checkout where id <> cast(:id as uuid) and shopper_id = "
                        + "(select shopper_id from checkout where id = cast(:id as uuid))")
                .param("id", id).query(Integer.class).single()).isEqualTo(1);
        assertThat(addFrom(shopper, "203.0.113.4", product).status()).isEqualTo(200);
    }

    @Test
    void readingIsNeverLimited() {
        Shopper shopper = newShopper();
        for (int i = 0; i < 10; i++) {
            assertThat(shopper.get("/api/cart", FORWARDED_FOR, "203.0.113.5").status()).isEqualTo(200);
        }
    }

    @Test
    void refusedRequestsAreCountedByTheLimitThatRefusedThem() {
        Product product = newProduct("Limited Grinder", 3900, 50);
        Shopper shopper = newShopper();
        Scrape before = Scrape.of(newShopper(), ADMIN_TOKEN);
        for (int i = 0; i < 4; i++) {
            addFrom(shopper, "203.0.113.5", product);
        }
        String report = "{\"changes\": 1, \"rollbacks\": {}}";
        for (int i = 0; i < 2; i++) {
            assertThat(shopper.post("/api/telemetry/rollbacks", report, FORWARDED_FOR, "203.0.113.5").status()).isEqualTo(204);
        }

        Shopper.Response tooOften = shopper.post("/api/telemetry/rollbacks", report, FORWARDED_FOR, "203.0.113.5");

        assertThat(tooOften.status()).isEqualTo(429);
        assertThat(tooOften.code()).isEqualTo("RATE_LIMITED");
        Scrape after = Scrape.of(newShopper(), ADMIN_TOKEN);
        String limited = "cartwright_requests_limited_total";
        assertThat(after.value(limited, "limit", "cart_change") - before.value(limited, "limit", "cart_change")).isEqualTo(1);
        assertThat(after.value(limited, "limit", "telemetry") - before.value(limited, "limit", "telemetry")).isEqualTo(1);
        assertThat(after.value("cartwright_client_changes_total") - before.value("cartwright_client_changes_total")).isEqualTo(2);
    }

    private static Shopper.Response addFrom(Shopper shopper, String address, Product product) {
        return shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(product.id()),
                FORWARDED_FOR, address);
    }

    private static Shopper.Response checkoutFrom(Shopper shopper, String address) {
        return shopper.post("/api/checkouts", "{\"shippingAddress\": " + ADDRESS + "}", FORWARDED_FOR, address);
    }
}
