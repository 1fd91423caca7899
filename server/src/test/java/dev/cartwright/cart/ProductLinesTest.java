package dev.cartwright.cart;

import static dev.cartwright.cart.CartCalls.add;
import static dev.cartwright.cart.CartCalls.cart;
import static dev.cartwright.cart.CartCalls.ifMatch;
import static dev.cartwright.cart.CartCalls.ok;
import static dev.cartwright.cart.CartCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Lines named by their product, with absolute quantities: the form the storefront sends every
 * change in, so that a change sent twice, or replaced by a later one, ends where the shopper said.
 */
class ProductLinesTest extends ServiceTest {

    private static Shopper.Response put(Shopper shopper, long productId, int quantity, String... headers) {
        return shopper.put("/api/cart/products/" + productId, "{\"quantity\": " + quantity + "}", headers);
    }

    @Test
    void settingAProductsQuantityMakesTheLineThenSetsItAbsolutely() {
        Shopper shopper = newShopper();
        Product kettle = newProduct("Absolute Kettle", 4500, 10);

        JsonNode made = ok(put(shopper, kettle.id(), 3));
        JsonNode again = ok(put(shopper, kettle.id(), 3));
        JsonNode lowered = ok(put(shopper, kettle.id(), 1));

        assertThat(made.path("items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(made.path("items").get(0).path("selected").asBoolean()).isTrue();
        assertThat(again.path("items").get(0).path("quantity").asInt()).as("sent twice, still 3").isEqualTo(3);
        assertThat(lowered.path("items").get(0).path("quantity").asInt()).isEqualTo(1);
        assertThat(lowered.path("items")).hasSize(1);
    }

    @Test
    void raisingBeyondStockOrTheLineLimitIsRefusedAndChangesNothing() {
        Shopper shopper = newShopper();
        Product scarce = newProduct("Absolute Scarce Bowl", 2000, 2);
        ok(put(shopper, scarce.id(), 1));
        String before = cart(shopper).body();

        JsonNode refused = problem(put(shopper, scarce.id(), 3), 409, "INSUFFICIENT_STOCK");
        problem(put(shopper, scarce.id(), 100), 400, "VALIDATION_FAILED");
        problem(put(shopper, Long.MAX_VALUE, 1), 422, "UNKNOWN_PRODUCT");
        problem(put(shopper, scarce.id(), 0), 400, "VALIDATION_FAILED");

        assertThat(refused.path("available").asInt()).isEqualTo(2);
        assertThat(refused.path("inCart").asInt()).isEqualTo(1);
        assertThat(cart(shopper).body()).isEqualTo(before);
    }

    @Test
    void removingAProductTheCartDoesNotHoldAnswersTheCartUnchanged() {
        Shopper shopper = newShopper();
        Product vase = newProduct("Absolute Vase", 3000, 5);
        Product lamp = newProduct("Absolute Lamp", 5000, 5);
        ok(put(shopper, vase.id(), 2));

        JsonNode removed = ok(shopper.delete("/api/cart/products/" + vase.id()));
        JsonNode again = ok(shopper.delete("/api/cart/products/" + vase.id()));
        JsonNode never = ok(shopper.delete("/api/cart/products/" + lamp.id()));

        assertThat(removed.path("items")).isEmpty();
        assertThat(again.path("version").asLong()).as("nothing changed").isEqualTo(removed.path("version").asLong());
        assertThat(never.path("version").asLong()).isEqualTo(removed.path("version").asLong());
    }

    @Test
    void selectingByProductAndConditionalChanges() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Absolute Mug", 1200, 5);
        JsonNode made = ok(put(shopper, mug.id(), 1));
        long version = made.path("version").asLong();

        JsonNode deselected = ok(shopper.patch("/api/cart/products/" + mug.id(), "{\"selected\": false}", "If-Match", ifMatch(version)));
        problem(put(shopper, mug.id(), 2, "If-Match", ifMatch(version)), 412, "VERSION_MISMATCH");
        problem(shopper.patch("/api/cart/products/" + Long.MAX_VALUE, "{\"selected\": true}"), 404, "CART_ITEM_NOT_FOUND");

        assertThat(deselected.path("items").get(0).path("selected").asBoolean()).isFalse();
        assertThat(ok(put(shopper, mug.id(), 2)).path("items").get(0).path("selected").asBoolean())
                .as("a quantity leaves the selection as it was").isFalse();
    }

    @Test
    void anAbsoluteQuantityAfterARelativeAddIsTheQuantity() {
        Shopper shopper = newShopper();
        Product pen = newProduct("Absolute Pen", 300, 20);
        ok(add(shopper, pen.id(), 2));

        assertThat(ok(put(shopper, pen.id(), 3)).path("items").get(0).path("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void concurrentAbsoluteQuantitiesEndAtOneOfThemAndNeverOversellTheCheck() throws Exception {
        Shopper shopper = newShopper();
        Product cup = newProduct("Absolute Cup", 800, 10);
        List<Integer> targets = IntStream.rangeClosed(1, 10).boxed().toList();

        Race.run(targets.size(), i -> put(shopper, cup.id(), targets.get(i)));

        JsonNode cart = ok(cart(shopper));
        assertThat(cart.path("items")).hasSize(1);
        assertThat(targets).contains(cart.path("items").get(0).path("quantity").asInt());
    }
}
