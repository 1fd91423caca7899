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
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A service whose reservations live two seconds, swept often: unpaid stock comes back by itself. */
@TestPropertySource(properties = {
        "cartwright.checkout.reservation-ttl=PT2S",
        "cartwright.checkout.sweep-interval=PT0.2S"})
class ReservationExpiryTest extends ServiceTest {

    @Test
    void anUnpaidReservationExpiresAndItsStockIsAvailableAgain() {
        Product product = newProduct("Expiring Scarf", 3900, 2);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 2);
        String id = checkout(shopper).json().path("id").asString();
        assertThat(available(shopper, product)).isZero();

        awaitStatus(shopper, id, "EXPIRED");

        assertThat(available(shopper, product)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from reservation where checkout_id = cast(:id as uuid)").param("id", id)
                .query(Integer.class).single()).isZero();
        Shopper.Response pay = shopper.post("/api/checkouts/" + id + "/payment", "{\"method\": \"card\"}");
        assertThat(pay.status()).isEqualTo(409);
        assertThat(pay.code()).isEqualTo("ILLEGAL_STATE");
    }

    @Test
    void aPaymentPageLeftOpenPastTheReservationCannotBePaid() {
        Product product = newProduct("Expiring Gloves", 2900, 1);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        String id = checkout(shopper).json().path("id").asString();
        String page = startPayment(shopper, id);

        awaitStatus(shopper, id, "EXPIRED");
        Shopper.Response late = completeOnHostedPage(shopper, page, "paid");

        assertThat(late.status()).isNotEqualTo(303);
        assertThat(available(shopper, product)).isEqualTo(1);
        assertThat(shopper.get("/api/checkouts/" + id).json().path("status").asString()).isEqualTo("EXPIRED");
    }
}
