package dev.cartwright.checkout;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.available;
import static dev.cartwright.checkout.CheckoutTestSteps.awaitStatus;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.completeOnHostedPage;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CheckoutFlowTest extends ServiceTest {

    record Stock(int onHand, int reserved) {}

    private Stock stock(Product product) {
        return jdbc.sql("select on_hand, reserved from stock where product_id = :id")
                .param("id", product.id())
                .query((rs, row) -> new Stock(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    @Test
    void aShopperGoesFromCartToPaidOrder() {
        Product lamp = newProduct("Flow Lamp", 4500, 5);
        Product pen = newProduct("Flow Pen", 800, 10);
        Shopper shopper = newShopper();
        add(shopper, lamp.id(), 2);
        add(shopper, pen.id(), 1);

        Shopper.Response created = checkout(shopper);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode checkout = created.json();
        String id = checkout.path("id").asString();
        assertThat(created.header("Location")).contains("/api/checkouts/" + id);
        assertThat(checkout.path("status").asString()).isEqualTo("RESERVED");
        assertThat(checkout.path("payable").asBoolean()).isTrue();
        assertThat(checkout.path("shippingMethod").asString()).isEqualTo("STANDARD");
        assertThat(checkout.path("expiresAt").asString()).isNotEmpty();
        assertThat(checkout.path("lines")).hasSize(2);
        assertThat(checkout.path("totals").path("shipping").asLong()).isEqualTo(CheckoutTestSteps.SHIPPING);
        assertThat(checkout.path("totals").path("total").asLong()).isEqualTo(2 * 4500 + 800 + CheckoutTestSteps.SHIPPING);
        assertThat(stock(lamp)).isEqualTo(new Stock(5, 2));
        assertThat(available(shopper, lamp)).isEqualTo(3);

        String page = startPayment(shopper, id);
        assertThat(shopper.get("/api/checkouts/" + id).json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
        Shopper.Response hosted = shopper.get(page);
        assertThat(hosted.status()).isEqualTo(200);
        assertThat(hosted.body()).contains("117.90");

        Shopper.Response paid = completeOnHostedPage(shopper, page, "paid");
        assertThat(paid.status()).isEqualTo(303);
        assertThat(paid.header("Location")).contains("/checkout/" + id + "/complete");

        JsonNode done = awaitStatus(shopper, id, "PAID");
        assertThat(done.path("payable").asBoolean()).isFalse();
        String orderId = done.path("orderId").asString();
        JsonNode order = shopper.get("/api/orders/" + orderId).json();
        assertThat(order.path("checkoutId").asString()).isEqualTo(id);
        assertThat(order.path("total").asLong()).isEqualTo(9800 + CheckoutTestSteps.SHIPPING);
        assertThat(order.path("lines")).hasSize(2);
        assertThat(order.path("shippingAddress").path("country").asString()).isEqualTo("GB");
        assertThat(shopper.get("/api/orders").json().path("items")).hasSize(1);
        assertThat(stock(lamp)).isEqualTo(new Stock(3, 0));
        assertThat(stock(pen)).isEqualTo(new Stock(9, 0));
        assertThat(shopper.get("/api/cart").json().path("items")).isEmpty();
    }

    @Test
    void paidLinesLeaveTheCartButUnselectedLinesStay() {
        Product bought = newProduct("Kept Mug", 1000, 5);
        Product kept = newProduct("Kept Plate", 1500, 5);
        Shopper shopper = newShopper();
        add(shopper, bought.id(), 1);
        long plateLine = add(shopper, kept.id(), 1).json().path("items").get(1).path("id").asLong();
        shopper.patch("/api/cart/items/" + plateLine, "{\"selected\": false}");

        String id = checkout(shopper).json().path("id").asString();
        completeOnHostedPage(shopper, startPayment(shopper, id), "paid");
        awaitStatus(shopper, id, "PAID");

        JsonNode cart = shopper.get("/api/cart").json();
        assertThat(cart.path("items")).hasSize(1);
        assertThat(cart.path("items").get(0).path("productId").asLong()).isEqualTo(kept.id());
        assertThat(stock(kept)).isEqualTo(new Stock(5, 0));
    }

    @Test
    void aDeclinedPaymentReleasesTheReservation() {
        Product product = newProduct("Declined Kettle", 6000, 3);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 3);
        String id = checkout(shopper).json().path("id").asString();
        assertThat(available(shopper, product)).isZero();

        completeOnHostedPage(shopper, startPayment(shopper, id), "declined");

        awaitStatus(shopper, id, "FAILED");
        assertThat(stock(product)).isEqualTo(new Stock(3, 0));
        assertThat(available(shopper, product)).isEqualTo(3);
        assertThat(shopper.get("/api/cart").json().path("items")).hasSize(1);
    }

    @Test
    void aDeclinedCheckoutIsPaidAgainItselfWithItsStockReservedAnew() {
        Product product = newProduct("Second Try Kettle", 6000, 3);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 2);
        String id = checkout(shopper).json().path("id").asString();
        String declinedPage = startPayment(shopper, id);
        completeOnHostedPage(shopper, declinedPage, "declined");
        assertThat(awaitStatus(shopper, id, "FAILED").path("payable").asBoolean()).isTrue();

        String page = startPayment(shopper, id);

        assertThat(page).isNotEqualTo(declinedPage);
        assertThat(shopper.get("/api/checkouts/" + id).json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(stock(product)).isEqualTo(new Stock(3, 2));
        completeOnHostedPage(shopper, page, "paid");
        awaitStatus(shopper, id, "PAID");
        assertThat(stock(product)).isEqualTo(new Stock(1, 0));
        assertThat(jdbc.sql("select count(*) from checkout where shopper_id = (select shopper_id from checkout where id = :id)")
                .param("id", UUID.fromString(id)).query(Integer.class).single()).isOne();
    }

    @Test
    void payingAgainAfterADeclineWhenTheStockIsGoneReservesNothingAndSaysWhatIsShort() {
        Product product = newProduct("Gone Meanwhile Kettle", 6000, 2);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 2);
        String id = checkout(shopper).json().path("id").asString();
        completeOnHostedPage(shopper, startPayment(shopper, id), "declined");
        awaitStatus(shopper, id, "FAILED");
        Shopper other = newShopper();
        add(other, product.id(), 1);
        checkout(other);

        Shopper.Response again = shopper.post("/api/checkouts/" + id + "/payment", "{\"method\": \"card\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("STOCK_CONFLICT");
        assertThat(again.json().path("detail").asString()).contains("Gone Meanwhile Kettle (only 1 left)");
        assertThat(again.json().path("unavailable").get(0).path("available").asInt()).isEqualTo(1);
        assertThat(shopper.get("/api/checkouts/" + id).json().path("status").asString()).isEqualTo("FAILED");
        assertThat(stock(product)).isEqualTo(new Stock(2, 1));
        assertThat(shopper.get("/api/cart").json().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void cancellingReleasesTheReservationOnceAndOnlyFromAnOpenState() {
        Product product = newProduct("Cancelled Tent", 19900, 2);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 2);
        String id = checkout(shopper).json().path("id").asString();

        Shopper.Response cancelled = shopper.delete("/api/checkouts/" + id);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("payable").asBoolean()).isFalse();
        assertThat(stock(product)).isEqualTo(new Stock(2, 0));
        Shopper.Response again = shopper.delete("/api/checkouts/" + id);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ILLEGAL_STATE");
        assertThat(again.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(shopper.post("/api/checkouts/" + id + "/payment", "{\"method\": \"card\"}").status()).isEqualTo(409);
        assertThat(stock(product)).isEqualTo(new Stock(2, 0));
    }

    @Test
    void cancellingWhilePaymentIsPendingReleasesTooAndALatePaymentStillSellsWhenStockIsThere() {
        Product product = newProduct("Late Lantern", 3000, 4);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        String id = checkout(shopper).json().path("id").asString();
        String page = startPayment(shopper, id);

        assertThat(shopper.delete("/api/checkouts/" + id).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(stock(product)).isEqualTo(new Stock(4, 0));
        completeOnHostedPage(shopper, page, "paid");

        awaitStatus(shopper, id, "PAID");
        assertThat(stock(product)).isEqualTo(new Stock(3, 0));
    }

    @Test
    void anotherShoppersCheckoutIsNotFound() {
        Product product = newProduct("Private Candle", 1200, 5);
        Shopper owner = newShopper();
        add(owner, product.id(), 1);
        String id = checkout(owner).json().path("id").asString();
        Shopper stranger = newShopper();

        for (Shopper.Response response : List.of(
                stranger.get("/api/checkouts/" + id),
                stranger.delete("/api/checkouts/" + id),
                stranger.post("/api/checkouts/" + id + "/payment", "{\"method\": \"card\"}"),
                stranger.get("/api/checkouts/" + UUID.randomUUID()))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("CHECKOUT_NOT_FOUND");
        }
        assertThat(owner.get("/api/checkouts/" + id).json().path("status").asString()).isEqualTo("RESERVED");
        assertThat(stranger.get("/api/orders/" + UUID.randomUUID()).code()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void anEmptySelectionCannotBeCheckedOut() {
        Shopper shopper = newShopper();
        assertThat(checkout(shopper).code()).isEqualTo("EMPTY_SELECTION");

        Product product = newProduct("Unselected Bowl", 900, 5);
        add(shopper, product.id(), 1);
        shopper.patch("/api/cart/selection", "{\"selected\": false}");
        Shopper.Response refused = checkout(shopper);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("EMPTY_SELECTION");
        assertThat(stock(product)).isEqualTo(new Stock(5, 0));
    }

    @Test
    void anInvalidAddressNamesEveryFailingField() {
        Product product = newProduct("Address Vase", 2500, 5);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);

        Shopper.Response refused = shopper.post("/api/checkouts", """
                {"shippingAddress": {"name": "", "line1": "1 Road", "city": "%s", "postalCode": "12!45", "country": "XX"}}"""
                .formatted("x".repeat(101)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().path("errors").valueStream().map(error -> error.path("field").asString()))
                .containsExactlyInAnyOrder("shippingAddress.name", "shippingAddress.city", "shippingAddress.postalCode",
                        "shippingAddress.country");
        assertThat(shopper.post("/api/checkouts", "{}").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(stock(product)).isEqualTo(new Stock(5, 0));
    }

    @Test
    void aStockConflictListsEveryShortLineAdjustsTheCartAndReservesNothing() {
        Product gone = newProduct("Conflict Gone", 1000, 2);
        Product fewer = newProduct("Conflict Fewer", 2000, 3);
        Product plenty = newProduct("Conflict Plenty", 500, 50);
        Shopper late = newShopper();
        add(late, gone.id(), 2);
        add(late, fewer.id(), 3);
        add(late, plenty.id(), 4);
        Shopper early = newShopper();
        add(early, gone.id(), 2);
        add(early, fewer.id(), 1);
        assertThat(checkout(early).status()).isEqualTo(201);

        Shopper.Response conflict = checkout(late);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("STOCK_CONFLICT");
        assertThat(conflict.json().path("detail").asString()).contains("Conflict Gone (sold out)", "Conflict Fewer (only 2 left)");
        JsonNode unavailable = conflict.json().path("unavailable");
        assertThat(unavailable).hasSize(2);
        JsonNode first = unavailable.get(0);
        assertThat(first.path("productId").asLong()).isEqualTo(gone.id());
        assertThat(first.path("name").asString()).isEqualTo("Conflict Gone");
        assertThat(first.path("requested").asInt()).isEqualTo(2);
        assertThat(first.path("available").asInt()).isZero();
        assertThat(first.path("cartItemId").asLong()).isPositive();
        assertThat(unavailable.get(1).path("available").asInt()).isEqualTo(2);
        JsonNode adjusted = conflict.json().path("cart");
        assertThat(adjusted.path("items").valueStream().map(line -> line.path("productId").asLong() + "x" + line.path("quantity").asInt()))
                .containsExactly(fewer.id() + "x2", plenty.id() + "x4");
        assertThat(late.get("/api/cart").json()).isEqualTo(adjusted);
        assertThat(stock(plenty)).isEqualTo(new Stock(50, 0));
        assertThat(stock(fewer)).isEqualTo(new Stock(3, 1));

        Shopper.Response retried = checkout(late);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(stock(fewer)).isEqualTo(new Stock(3, 3));
        assertThat(stock(plenty)).isEqualTo(new Stock(50, 4));
    }

    @Test
    void checkingOutAgainReplacesTheCheckoutNotYetPaidSoStockIsNotHeldTwice() {
        Product product = newProduct("Twice Teapot", 3500, 3);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 2);
        String first = checkout(shopper).json().path("id").asString();

        Shopper.Response second = checkout(shopper);

        assertThat(second.status()).isEqualTo(201);
        assertThat(shopper.get("/api/checkouts/" + first).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(stock(product)).isEqualTo(new Stock(3, 2));
    }
}
