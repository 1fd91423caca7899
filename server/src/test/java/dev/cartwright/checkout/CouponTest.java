package dev.cartwright.checkout;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.awaitStatus;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.completeOnHostedPage;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CouponTest extends ServiceTest {

    /** A coupon of the test's own, so that no other test uses it up. */
    String newCoupon(String kind, long amount, long minimum, String expiresAt, Integer usageLimit) {
        String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        jdbc.sql("""
                        insert into coupon (code, kind, amount, minimum_subtotal, expires_at, usage_limit)
                        values (:code, :kind, :amount, :minimum, cast(:expires as timestamptz), :limit)
                        """)
                .param("code", code)
                .param("kind", kind)
                .param("amount", amount)
                .param("minimum", minimum)
                .param("expires", expiresAt)
                .param("limit", usageLimit)
                .update();
        return code;
    }

    private Shopper.Response validate(Shopper shopper, String code) {
        return shopper.post("/api/coupons/validate", "{\"code\": \"" + code + "\"}");
    }

    @Test
    void aValidCouponIsAppliedToTheCartAndPricedByTheSharedRules() {
        String code = newCoupon("PERCENT", 10, 0, null, null);
        Product product = newProduct("Coupon Mug", 1005, 10);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 2);

        Shopper.Response applied = validate(shopper, code.toLowerCase());

        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().path("code").asString()).isEqualTo(code);
        assertThat(applied.json().path("discount").asLong()).isEqualTo(201);
        JsonNode cart = shopper.get("/api/cart").json();
        assertThat(cart.path("couponCode").asString()).isEqualTo(code);
        assertThat(cart.path("totals").path("discount").asLong()).isEqualTo(201);
        assertThat(cart.path("totals").path("total").asLong()).isEqualTo(2010 - 201);

        JsonNode created = checkout(shopper).json();
        assertThat(created.path("couponCode").asString()).isEqualTo(code);
        assertThat(created.path("totals").path("total").asLong()).isEqualTo(1809 + CheckoutTestSteps.SHIPPING);

        assertThat(shopper.delete("/api/cart/coupon").json().path("couponCode").isNull()).isTrue();
    }

    @Test
    void refusedCouponsSayWhyAndChangeNothing() {
        Product product = newProduct("Coupon Plate", 1000, 10);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        JsonNode before = shopper.get("/api/cart").json();

        assertThat(validate(shopper, "NO-SUCH-CODE").code()).isEqualTo("COUPON_UNKNOWN");
        assertThat(validate(shopper, newCoupon("PERCENT", 20, 0, "2024-09-01T00:00:00Z", null)).code())
                .isEqualTo("COUPON_EXPIRED");
        String usedUp = newCoupon("FIXED", 100, 0, null, 1);
        jdbc.sql("update coupon set uses = 1 where code = :code").param("code", usedUp).update();
        assertThat(validate(shopper, usedUp).code()).isEqualTo("COUPON_USED_UP");
        Shopper.Response minimum = validate(shopper, newCoupon("FIXED", 500, 2500, null, null));
        assertThat(minimum.status()).isEqualTo(422);
        assertThat(minimum.code()).isEqualTo("COUPON_MINIMUM_NOT_MET");
        assertThat(minimum.json().path("minimumSubtotal").asLong()).isEqualTo(2500);
        assertThat(minimum.json().path("detail").asString()).contains("25.00 EUR");

        assertThat(shopper.get("/api/cart").json()).isEqualTo(before);
        assertThat(checkout(shopper, "NO-SUCH-CODE").code()).isEqualTo("COUPON_UNKNOWN");
    }

    @Test
    void aPaidCheckoutRedeemsItsCouponOnceAndADeclinedOneGivesTheUseBack() {
        String code = newCoupon("FIXED", 300, 0, null, 2);
        Product product = newProduct("Coupon Bag", 2000, 10);

        Shopper payer = newShopper();
        add(payer, product.id(), 1);
        String paid = checkout(payer, code).json().path("id").asString();
        completeOnHostedPage(payer, startPayment(payer, paid), "paid");
        JsonNode done = awaitStatus(payer, paid, "PAID");
        assertThat(payer.get("/api/orders/" + done.path("orderId").asString()).json().path("total").asLong()).isEqualTo(1700 + CheckoutTestSteps.SHIPPING);

        Shopper decliner = newShopper();
        add(decliner, product.id(), 1);
        String declined = checkout(decliner, code).json().path("id").asString();
        completeOnHostedPage(decliner, startPayment(decliner, declined), "declined");
        awaitStatus(decliner, declined, "FAILED");

        assertThat(uses(code)).isEqualTo(1);
        assertThat(redemptions(code)).isEqualTo(1);
    }

    int uses(String code) {
        return jdbc.sql("select uses from coupon where code = :code").param("code", code).query(Integer.class).single();
    }

    int redemptions(String code) {
        return jdbc.sql("select count(*) from coupon_redemption where code = :code").param("code", code).query(Integer.class).single();
    }
}
