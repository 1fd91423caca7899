package dev.cartwright.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Shopper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The cart API as a test calls it, and the checks every cart answer must pass. */
final class CartCalls {

    private CartCalls() {}

    static Shopper.Response cart(Shopper shopper) {
        return shopper.get("/api/cart");
    }

    static Shopper.Response add(Shopper shopper, long productId, int quantity, String... headers) {
        return shopper.post("/api/cart/items", "{\"productId\":" + productId + ",\"quantity\":" + quantity + "}", headers);
    }

    static Shopper.Response setQuantity(Shopper shopper, long lineId, int quantity, String... headers) {
        return shopper.put("/api/cart/items/" + lineId, "{\"quantity\":" + quantity + "}", headers);
    }

    static Shopper.Response select(Shopper shopper, long lineId, boolean selected, String... headers) {
        return shopper.patch("/api/cart/items/" + lineId, "{\"selected\":" + selected + "}", headers);
    }

    static Shopper.Response selectAll(Shopper shopper, boolean selected, String... headers) {
        return shopper.patch("/api/cart/selection", "{\"selected\":" + selected + "}", headers);
    }

    static Shopper.Response remove(Shopper shopper, long lineId, String... headers) {
        return shopper.delete("/api/cart/items/" + lineId, headers);
    }

    static String ifMatch(long version) {
        return "\"" + version + "\"";
    }

    /** A successful cart answer: 200, JSON, an ETag naming its version, totals that add up. */
    static JsonNode ok(Shopper.Response response) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(200);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/json");
        JsonNode cart = response.json();
        assertThat(response.header("ETag")).as("ETag of %s", response).contains(ifMatch(cart.path("version").asLong()));
        assertConsistent(cart);
        return cart;
    }

    /** A refusal: this status, problem+json, this code. */
    static JsonNode problem(Shopper.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("code").asString()).as("code of %s", response).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).as("detail of %s", response).isNotBlank();
        return problem;
    }

    /** Every total recomputed from the lines: counts of units, money of the selected lines only. */
    static void assertConsistent(JsonNode cart) {
        assertThat(cart.path("id").asString()).isNotBlank();
        assertThat(cart.path("version").isIntegralNumber()).as("version of %s", cart).isTrue();
        assertThat(cart.path("couponCode").isNull()).as("couponCode of %s", cart).isTrue();
        int itemCount = 0;
        int selectedCount = 0;
        long subtotal = 0;
        List<Long> ids = new ArrayList<>();
        List<Long> products = new ArrayList<>();
        for (JsonNode line : cart.path("items")) {
            long unitPrice = line.path("unitPrice").asLong();
            int quantity = line.path("quantity").asInt();
            assertThat(quantity).as("quantity of %s", line).isBetween(1, 99);
            assertThat(line.path("lineTotal").asLong()).as("lineTotal of %s", line).isEqualTo(unitPrice * quantity);
            assertThat(line.path("name").asString()).isNotBlank();
            assertThat(line.path("selected").isBoolean()).isTrue();
            assertThat(line.path("available").isIntegralNumber()).isTrue();
            itemCount += quantity;
            if (line.path("selected").asBoolean()) {
                selectedCount += quantity;
                subtotal += unitPrice * quantity;
            }
            ids.add(line.path("id").asLong());
            products.add(line.path("productId").asLong());
        }
        assertThat(ids).as("line ids in order").isSorted().doesNotHaveDuplicates();
        assertThat(products).as("one line per product").doesNotHaveDuplicates();
        JsonNode totals = cart.path("totals");
        assertThat(totals.path("itemCount").asInt()).as("itemCount of %s", cart).isEqualTo(itemCount);
        assertThat(totals.path("selectedCount").asInt()).as("selectedCount of %s", cart).isEqualTo(selectedCount);
        assertThat(totals.path("subtotal").asLong()).as("subtotal of %s", cart).isEqualTo(subtotal);
        assertThat(totals.path("discount").asLong()).as("discount of %s", cart).isZero();
        assertThat(totals.path("total").asLong()).as("total of %s", cart)
                .isEqualTo(subtotal - totals.path("discount").asLong());
        assertThat(totals.path("currency").asString()).as("currency of %s", cart).matches("[A-Z]{3}");
    }

    static Optional<JsonNode> lineOf(JsonNode cart, long productId) {
        for (JsonNode line : cart.path("items")) {
            if (line.path("productId").asLong() == productId) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    static JsonNode line(JsonNode cart, long productId) {
        return lineOf(cart, productId).orElseThrow(() -> new AssertionError("No line of product " + productId + " in " + cart));
    }

    static long version(JsonNode cart) {
        return cart.path("version").asLong();
    }
}
