package dev.cartwright.payment;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.awaitStatus;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.completeOnHostedPage;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import org.junit.jupiter.api.Test;

class HostedPaymentPageTest extends ServiceTest {

    private record Started(Shopper shopper, String checkoutId, String page) {}

    private Started started() {
        Product product = newProduct("Hosted <Pot> & Lid", 1999, 5);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        String id = checkout(shopper).json().path("id").asString();
        return new Started(shopper, id, startPayment(shopper, id));
    }

    @Test
    void thePageShowsTheAmountAndBothChoicesAsAccessibleForms() {
        Started started = started();

        Shopper.Response page = started.shopper().get(started.page());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        // 19.99 for the pot, 19.90 for Standard shipping to the test address.
        assertThat(page.body()).contains("39.89 EUR", "<button type=\"submit\" class=\"pay\">Pay</button>",
                "<button type=\"submit\" class=\"decline\">Decline</button>", "name=\"viewport\"", "lang=\"en\"");
        assertThat(started.page()).matches("/pay/ps_[A-Za-z0-9_-]{24}");
    }

    @Test
    void aSessionIsCompletedOnlyOnce() {
        Started started = started();

        assertThat(completeOnHostedPage(started.shopper(), started.page(), "paid").status()).isEqualTo(303);
        Shopper.Response again = completeOnHostedPage(started.shopper(), started.page(), "declined");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("This payment has been made.");
        assertThat(awaitStatus(started.shopper(), started.checkoutId(), "PAID").path("orderId").isNull()).isFalse();
        assertThat(started.shopper().get(started.page()).status()).isEqualTo(409);
    }

    @Test
    void curlMayCompleteWithJson() {
        Started started = started();

        Shopper.Response declined = started.shopper().post(started.page() + "/complete", "{\"outcome\": \"declined\"}");

        assertThat(declined.status()).isEqualTo(303);
        assertThat(declined.header("Location")).contains("/checkout/" + started.checkoutId() + "/complete");
        awaitStatus(started.shopper(), started.checkoutId(), "FAILED");
        Shopper.Response again = started.shopper().post(started.page() + "/complete", "{\"outcome\": \"paid\"}");
        assertThat(again.code()).isEqualTo("PAYMENT_COMPLETED");
        assertThat(started.shopper().post(started.page() + "/complete", "{\"outcome\": \"maybe\"}").code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anUnknownSessionIsNotFound() {
        Shopper shopper = newShopper();

        assertThat(shopper.get("/pay/ps_nothing").status()).isEqualTo(404);
        assertThat(completeOnHostedPage(shopper, "/pay/ps_nothing", "paid").status()).isEqualTo(404);
        assertThat(shopper.post("/pay/ps_nothing/complete", "{\"outcome\": \"paid\"}").code()).isEqualTo("PAYMENT_NOT_FOUND");
    }
}
