package dev.cartwright.inventory;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import org.junit.jupiter.api.Test;

class StockAdminTest extends ServiceTest {

    private Shopper.Response setStock(Shopper caller, long productId, String body, String... auth) {
        return caller.put("/api/admin/products/" + productId + "/stock", body, auth);
    }

    @Test
    void anOperatorRestocksAndTheNewStockIsAvailableAtOnce() {
        Product product = newProduct("Restocked Rug", 8900, 1);
        Shopper operator = newShopper();

        Shopper.Response restocked = setStock(operator, product.id(), "{\"stockOnHand\": 12}",
                "Authorization", "Bearer " + ADMIN_TOKEN);

        assertThat(restocked.status()).isEqualTo(200);
        assertThat(restocked.json().path("available").asInt()).isEqualTo(12);
        assertThat(operator.get("/api/products/" + product.id()).json().path("available").asInt()).isEqualTo(12);
    }

    @Test
    void stockOnHandNeverGoesBelowWhatIsReserved() {
        Product product = newProduct("Reserved Rug", 8900, 5);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 3);
        assertThat(checkout(shopper).status()).isEqualTo(201);

        Shopper.Response refused = setStock(shopper, product.id(), "{\"stockOnHand\": 2}", "Authorization", "Bearer " + ADMIN_TOKEN);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("STOCK_BELOW_RESERVED");
        assertThat(refused.json().path("reserved").asInt()).isEqualTo(3);
        assertThat(setStock(shopper, product.id(), "{\"stockOnHand\": 3}", "Authorization", "Bearer " + ADMIN_TOKEN)
                .json().path("available").asInt()).isZero();
    }

    @Test
    void withoutTheTokenTheAnswerIs401AndNothingChanges() {
        Product product = newProduct("Guarded Rug", 8900, 4);
        Shopper stranger = newShopper();

        for (String[] auth : new String[][] {{}, {"Authorization", "Bearer wrong"}, {"Authorization", ADMIN_TOKEN}}) {
            Shopper.Response refused = setStock(stranger, product.id(), "{\"stockOnHand\": 100}", auth);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("UNAUTHORIZED");
            assertThat(refused.header("WWW-Authenticate")).contains("Bearer");
        }
        assertThat(stranger.get("/api/products/" + product.id()).json().path("available").asInt()).isEqualTo(4);
    }

    @Test
    void badStockInputIsRefused() {
        Shopper operator = newShopper();
        Product product = newProduct("Input Rug", 8900, 4);

        assertThat(setStock(operator, product.id(), "{\"stockOnHand\": -1}", "Authorization", "Bearer " + ADMIN_TOKEN).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(setStock(operator, 999_999_999L, "{\"stockOnHand\": 1}", "Authorization", "Bearer " + ADMIN_TOKEN).code())
                .isEqualTo("PRODUCT_NOT_FOUND");
    }
}
