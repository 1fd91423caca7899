package dev.cartwright.checkout;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.payForOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DropAdminTest extends ServiceTest {

    private static final String[] OPERATOR = {"Authorization", "Bearer " + ADMIN_TOKEN};

    private Shopper.Response drop(long productId, String query) {
        return newShopper().get("/api/admin/products/" + productId + "/drop" + query, OPERATOR);
    }

    @Test
    void theDropViewCountsUnitsReservedSoldReleasedAndShoppersRefusedPerSecond() {
        Product drop = newProduct("Drop Sneaker", 15000, 4);
        Shopper buyer = newShopper();
        add(buyer, drop.id(), 2);
        payForOrder(buyer, checkout(buyer).json().path("id").asString());
        Shopper canceller = newShopper();
        add(canceller, drop.id(), 1);
        canceller.delete("/api/checkouts/" + checkout(canceller).json().path("id").asString());
        Shopper outrun = newShopper();
        add(outrun, drop.id(), 1);
        Shopper holder = newShopper();
        add(holder, drop.id(), 2);
        assertThat(checkout(holder).status()).isEqualTo(201);
        assertThat(checkout(outrun).code()).isEqualTo("STOCK_CONFLICT");
        // Refused when adding to the cart is no checkout refused.
        assertThat(add(newShopper(), drop.id(), 1).code()).isEqualTo("INSUFFICIENT_STOCK");

        JsonNode answer = drop(drop.id(), "?seconds=120").json();

        assertThat(answer.path("productId").asLong()).isEqualTo(drop.id());
        assertThat(answer.path("available").asInt()).isZero();
        JsonNode series = answer.path("series");
        assertThat(series).hasSize(120);
        assertThat(Instant.parse(series.get(119).path("at").asString()))
                .isEqualTo(Instant.parse(series.get(0).path("at").asString()).plusSeconds(119));
        assertThat(sum(series, "reserved")).isEqualTo(5);
        assertThat(sum(series, "sold")).isEqualTo(2);
        assertThat(sum(series, "released")).isEqualTo(1);
        assertThat(sum(series, "refused")).isEqualTo(1);
        assertThat(drop(drop.id(), "").json().path("series")).hasSize(60);
    }

    @Test
    void theCheckoutsWaitingForPaymentAreListedSoonestExpiryFirst() {
        Product product = newProduct("Waiting Sneaker", 15000, 9);
        Shopper first = newShopper();
        add(first, product.id(), 2);
        String later = checkout(first).json().path("id").asString();
        Shopper second = newShopper();
        add(second, product.id(), 3);
        String sooner = checkout(second).json().path("id").asString();
        jdbc.sql("update checkout set expires_at = now() + interval '1 minute' where id = cast(:id as uuid)")
                .param("id", sooner).update();
        Shopper paying = newShopper();
        add(paying, product.id(), 1);
        String paid = checkout(paying).json().path("id").asString();
        payForOrder(paying, paid);

        JsonNode items = newShopper().get("/api/admin/products/" + product.id() + "/waiting", OPERATOR).json().path("items");

        assertThat(items).extracting(item -> item.path("checkoutId").asString() + " " + item.path("status").asString()
                + " " + item.path("quantity").asInt()).containsExactly(sooner + " RESERVED 3", later + " RESERVED 2");
        assertThat(items.get(0).path("expiresAt").asString()).isNotEmpty();
    }

    @Test
    void badSecondsAndUnknownProductsAreRefused() {
        Product product = newProduct("Refused Sneaker", 15000, 1);

        for (String query : List.of("?seconds=0", "?seconds=601", "?seconds=x")) {
            assertThat(drop(product.id(), query).code()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(drop(999_999_999L, "").code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(newShopper().get("/api/admin/products/999999999/waiting", OPERATOR).code()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(newShopper().get("/api/admin/products/x/waiting", OPERATOR).status()).isEqualTo(404);
    }

    private static int sum(JsonNode series, String field) {
        int sum = 0;
        for (JsonNode second : series) {
            sum += second.path(field).asInt();
        }
        return sum;
    }
}
