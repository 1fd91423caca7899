package dev.cartwright.catalog;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProductAdminTest extends ServiceTest {

    private static final String[] OPERATOR = {"Authorization", "Bearer " + ADMIN_TOKEN};

    @Test
    void operatorsSeeEveryProductWithItsStockAndOpenCheckoutsInIdOrder() {
        Product held = newProduct("Console Teapot", 2500, 7);
        Product idle = newProduct("Console Saucer", 900, 2);
        for (int i = 0; i < 2; i++) {
            Shopper shopper = newShopper();
            add(shopper, held.id(), 2);
            assertThat(checkout(shopper).status()).isEqualTo(201);
        }

        JsonNode items = newShopper().get("/api/admin/products", OPERATOR).json().path("items");

        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asLong()));
        assertThat(ids).isSorted().contains(held.id(), idle.id());
        JsonNode teapot = find(items, held.id());
        assertThat(teapot.path("name").asString()).isEqualTo("Console Teapot");
        assertThat(teapot.path("onHand").asInt()).isEqualTo(7);
        assertThat(teapot.path("reserved").asInt()).isEqualTo(4);
        assertThat(teapot.path("available").asInt()).isEqualTo(3);
        assertThat(teapot.path("openCheckouts").asInt()).isEqualTo(2);
        assertThat(teapot.path("stockVersion").asLong())
                .isEqualTo(newShopper().get("/api/products/" + held.id()).json().path("stockVersion").asLong());
        assertThat(find(items, idle.id()).path("openCheckouts").asInt()).isZero();
    }

    private static JsonNode find(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("No product " + id);
    }
}
