package dev.cartwright.order;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.payForOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import dev.cartwright.checkout.CheckoutTestSteps;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderHistoryTest extends ServiceTest {

    /** Buys one unit of a product of its own and answers the order's id. */
    private String placeOrder(Shopper shopper, String name) {
        Product product = newProduct(name + " " + UUID.randomUUID(), 1000, 5);
        add(shopper, product.id(), 1);
        return payForOrder(shopper, checkout(shopper).json().path("id").asString()).path("id").asString();
    }

    private static JsonNode page(Shopper shopper, String query) {
        Shopper.Response answer = shopper.get("/api/orders" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(order -> ids.add(order.path("id").asString()));
        return ids;
    }

    @Test
    void ordersComeNewestFirstWithTheirLinesTotalsAddressAndShipping() {
        Shopper shopper = newShopper();
        String first = placeOrder(shopper, "History Cup");
        String second = placeOrder(shopper, "History Saucer");

        JsonNode page = page(shopper, "");

        assertThat(ids(page)).containsExactly(second, first);
        assertThat(page.path("nextCursor").isNull()).isTrue();
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("status").asString()).isEqualTo("PAID");
        assertThat(newest.path("lines")).hasSize(1);
        assertThat(newest.path("lines").get(0).path("name").asString()).startsWith("History Saucer");
        assertThat(newest.path("subtotal").asLong()).isEqualTo(1000);
        assertThat(newest.path("shippingMethod").asString()).isEqualTo("STANDARD");
        assertThat(newest.path("shipping").asLong()).isEqualTo(CheckoutTestSteps.SHIPPING);
        assertThat(newest.path("total").asLong()).isEqualTo(1000 + CheckoutTestSteps.SHIPPING);
        assertThat(newest.path("shippingAddress").path("country").asString()).isEqualTo("GB");
        assertThat(shopper.get("/api/orders/" + second).json()).isEqualTo(newest);
    }

    @Test
    void theCursorWalksEveryOrderOnceWhileANewOneLandsMeanwhile() {
        Shopper shopper = newShopper();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(0, placeOrder(shopper, "Paged Plate " + i));
        }

        JsonNode firstPage = page(shopper, "?limit=2");
        String landedMeanwhile = placeOrder(shopper, "Meanwhile Plate");
        List<String> walked = new ArrayList<>(ids(firstPage));
        String cursor = firstPage.path("nextCursor").asString();
        int pages = 1;
        while (cursor != null && !cursor.isEmpty()) {
            JsonNode next = page(shopper, "?limit=2&cursor=" + cursor);
            walked.addAll(ids(next));
            cursor = next.path("nextCursor").isNull() ? null : next.path("nextCursor").asString();
            pages++;
        }

        assertThat(walked).containsExactlyElementsOf(placed);
        assertThat(pages).isEqualTo(3);
        assertThat(ids(page(shopper, "?limit=2"))).first().isEqualTo(landedMeanwhile);
    }

    @Test
    void ordersPlacedInTheSameInstantArePagedByIdWithoutGapsOrRepeats() {
        Shopper shopper = newShopper();
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(placeOrder(shopper, "Same Instant Bowl " + i));
        }
        jdbc.sql("update customer_order set created_at = :at where id = any(:ids)")
                .param("at", Timestamp.from(Instant.parse("2025-05-01T10:00:00.123456Z")))
                .param("ids", placed.stream().map(UUID::fromString).toArray(UUID[]::new))
                .update();

        List<String> walked = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode next = page(shopper, "?limit=1&cursor=" + cursor);
            walked.addAll(ids(next));
            cursor = next.path("nextCursor").isNull() ? "" : next.path("nextCursor").asString();
        } while (!cursor.isEmpty());

        // PostgreSQL orders uuids byte by byte, as their lower-case text sorts (UUID.compareTo compares signed longs).
        assertThat(walked).containsExactlyElementsOf(placed.stream().sorted(Comparator.reverseOrder()).toList());
    }

    @Test
    void anotherShoppersOrdersAreNeverListedNorTheirCursorsTaken() {
        Shopper owner = newShopper();
        String mine = placeOrder(owner, "Owned Jar");
        placeOrder(owner, "Owned Lid");
        Shopper stranger = newShopper();
        String theirs = placeOrder(stranger, "Stranger Jar");

        String ownersCursor = page(owner, "?limit=1").path("nextCursor").asString();

        assertThat(ids(page(owner, ""))).doesNotContain(theirs).contains(mine);
        assertThat(ids(page(stranger, ""))).containsExactly(theirs);
        assertThat(page(newShopper(), "").path("items")).isEmpty();
        Shopper.Response borrowed = stranger.get("/api/orders?cursor=" + ownersCursor);
        assertThat(borrowed.status()).isEqualTo(400);
        assertThat(borrowed.code()).isEqualTo("INVALID_CURSOR");
        assertThat(stranger.get("/api/orders/" + mine).code()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void aBadCursorOrLimitIsRefused() {
        Shopper shopper = newShopper();

        for (String query : List.of("?cursor=not-a-cursor", "?cursor=" + "A".repeat(54), "?cursor=%25%25")) {
            Shopper.Response refused = shopper.get("/api/orders" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.code()).as(query).isEqualTo("INVALID_CURSOR");
        }
        for (String query : List.of("?limit=0", "?limit=51", "?limit=-1", "?limit=many")) {
            Shopper.Response refused = shopper.get("/api/orders" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.code()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(page(shopper, "?limit=50").path("items")).isEmpty();
    }
}
