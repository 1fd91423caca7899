package dev.cartwright.order;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.payForOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.account.AccountCalls;
import dev.cartwright.catalog.Product;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderSearchTest extends ServiceTest {

    private static final String[] OPERATOR = {"Authorization", "Bearer " + ADMIN_TOKEN};

    private Shopper.Response search(String q) {
        return newShopper().get("/api/admin/orders?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                OPERATOR);
    }

    private String order(Shopper shopper, Product product, int quantity) {
        add(shopper, product.id(), quantity);
        return payForOrder(shopper, checkout(shopper).json().path("id").asString()).path("id").asString();
    }

    @Test
    void operatorsFindAnAccountsOrdersByEmailNewestFirstAndAnyOrderById() {
        Product product = newProduct("Searched Scarf", 3500, 10);
        Shopper ada = newShopper();
        String email = AccountCalls.newAccount(ada);
        String first = order(ada, product, 1);
        String second = order(ada, product, 2);
        String guests = order(newShopper(), product, 1);

        JsonNode byEmail = search("  " + email.toUpperCase() + " ").json().path("items");

        assertThat(byEmail).extracting(item -> item.path("id").asString()).containsExactly(second, first);
        JsonNode newest = byEmail.get(0);
        assertThat(newest.path("email").asString()).isEqualTo(email);
        assertThat(newest.path("status").asString()).isEqualTo("PAID");
        assertThat(newest.path("currency").asString()).isEqualTo("EUR");
        assertThat(newest.path("total").asLong()).isPositive();
        assertThat(newest.path("createdAt").asString()).isNotEmpty();
        assertThat(newest.path("lines")).extracting(line -> line.path("productId").asLong() + " "
                + line.path("name").asString() + " " + line.path("quantity").asInt())
                .containsExactly(product.id() + " Searched Scarf 2");
        JsonNode guest = search(guests).json().path("items");
        assertThat(guest).hasSize(1);
        assertThat(guest.get(0).path("id").asString()).isEqualTo(guests);
        assertThat(guest.get(0).path("email").isNull()).isTrue();
        assertThat(search(first.toUpperCase()).json().path("items").get(0).path("email").asString()).isEqualTo(email);
    }

    @Test
    void searchesThatFindNothingAnswerNoOrdersAndOverlongOnesAreRefused() {
        assertThat(search("nobody-" + UUID.randomUUID() + "@example.com").json().path("items")).isEmpty();
        assertThat(search(UUID.randomUUID().toString()).json().path("items")).isEmpty();
        assertThat(search("1-1-1-1-1").json().path("items")).isEmpty();
        assertThat(search("%' or 1=1 --").json().path("items")).isEmpty();
        assertThat(newShopper().get("/api/admin/orders", OPERATOR).json().path("items").size()).isBetween(0, 50);

        Shopper.Response refused = search("x".repeat(255));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(search("a\u0000b").code()).isEqualTo("VALIDATION_FAILED");
    }
}
