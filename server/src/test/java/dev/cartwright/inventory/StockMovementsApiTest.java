package dev.cartwright.inventory;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.payForOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StockMovementsApiTest extends ServiceTest {

    private static final String[] OPERATOR = {"Authorization", "Bearer " + ADMIN_TOKEN};

    private Shopper.Response movements(long productId, String query) {
        return newShopper().get("/api/admin/products/" + productId + "/movements" + query, OPERATOR);
    }

    @Test
    void everyRestockReservationReleaseAndSaleIsListedNewestFirstWithItsCheckout() {
        Product product = newProduct("Ledger Kettle", 4500, 5);
        Shopper shopper = newShopper();
        assertThat(shopper.put("/api/admin/products/" + product.id() + "/stock", "{\"stockOnHand\": 8}", OPERATOR).status())
                .isEqualTo(200);
        add(shopper, product.id(), 2);
        String cancelled = checkout(shopper).json().path("id").asString();
        shopper.delete("/api/checkouts/" + cancelled);
        String paid = checkout(shopper).json().path("id").asString();
        payForOrder(shopper, paid);

        JsonNode items = movements(product.id(), "").json().path("items");

        assertThat(items).extracting(item -> item.path("kind").asString() + " " + item.path("quantity").asInt() + " "
                        + item.path("onHandAfter").asInt() + "/" + item.path("reservedAfter").asInt() + " "
                        + item.path("checkoutId").asString(""))
                .containsExactly("SALE -2 6/0 " + paid, "RESERVATION 2 8/2 " + paid, "RELEASE -2 8/0 " + cancelled,
                        "RESERVATION 2 8/2 " + cancelled, "RESTOCK 3 8/0 ", "RESTOCK 5 5/0 ");
        assertThat(items.get(4).path("checkoutId").isNull()).isTrue();
        assertThat(items.get(0).path("at").asString()).isNotEmpty();
        assertThat(movements(product.id(), "").json().path("nextBefore").isNull()).isTrue();
    }

    @Test
    void aLongLedgerIsReadInPagesByNextBefore() {
        Product product = newProduct("Paged Kettle", 4500, 0);
        Shopper operator = newShopper();
        for (int onHand = 1; onHand <= 6; onHand++) {
            operator.put("/api/admin/products/" + product.id() + "/stock", "{\"stockOnHand\": " + onHand + "}", OPERATOR);
        }
        List<Integer> seen = new ArrayList<>();
        String query = "?limit=3";
        for (int page = 0; page < 3; page++) {
            JsonNode answer = movements(product.id(), query).json();
            answer.path("items").forEach(item -> seen.add(item.path("onHandAfter").asInt()));
            if (answer.path("nextBefore").isNull()) {
                break;
            }
            query = "?limit=3&before=" + answer.path("nextBefore").asLong();
        }

        assertThat(seen).containsExactly(6, 5, 4, 3, 2, 1, 0);
    }

    @Test
    void badPagesAndUnknownProductsAreRefused() {
        Product product = newProduct("Refusing Kettle", 4500, 1);

        for (String query : List.of("?limit=0", "?limit=201", "?limit=x", "?before=x", "?limit=1.5")) {
            Shopper.Response refused = movements(product.id(), query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.code()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(movements(999_999_999L, "").code()).isEqualTo("PRODUCT_NOT_FOUND");
        for (String id : List.of("-1", "x", "99999999999999999999", "1e3")) {
            Shopper.Response refused = newShopper().get("/api/admin/products/" + id + "/movements", OPERATOR);
            assertThat(refused.status()).as(id).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }
}
