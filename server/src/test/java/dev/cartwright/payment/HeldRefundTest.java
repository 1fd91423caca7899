package dev.cartwright.payment;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import dev.cartwright.checkout.CheckoutTestSteps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A shop that holds refunds for a look first: the poller leaves one alone until then, and the operator may send it sooner. */
@TestPropertySource(properties = "cartwright.payment.refund-hold=PT1H")
class HeldRefundTest extends ServiceTest {

    private static final String[] OPERATOR = {"Authorization", "Bearer " + ADMIN_TOKEN};

    @Autowired
    WebhookSignature signature;

    @Test
    void aHeldRefundWaitsForItsTimeUnlessTheOperatorSendsIt() throws InterruptedException {
        Product product = newProduct("Held Lantern", 3100, 3);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        String page = startPayment(shopper, checkout(shopper).json().path("id").asString());
        String session = page.substring(page.lastIndexOf('/') + 1);
        jdbc.sql("update simulated_payment_session set status = 'PAID' where id = :id").param("id", session).update();
        String body = """
                {"id": "evt_held_%s", "type": "payment.succeeded", "created": %d, "data": {"sessionId": "%s",
                 "checkoutId": "%s", "amount": %d, "currency": "EUR"}}""".formatted(UUID.randomUUID(),
                Instant.now().getEpochSecond(), session, UUID.randomUUID(), 3100 + CheckoutTestSteps.SHIPPING);
        assertThat(newShopper().post("/api/payments/webhook", body, WebhookSignature.HEADER,
                signature.sign(body.getBytes(StandardCharsets.UTF_8), Instant.now())).status()).isEqualTo(200);

        // Several of the poller's rounds (a second apart) go by.
        Thread.sleep(3000);
        JsonNode held = refund(session);
        assertThat(held.path("status").asString()).isEqualTo("REFUND_DUE");
        assertThat(held.path("attempts").asInt()).isZero();
        assertThat(Instant.parse(held.path("nextAttemptAt").asString())).isAfter(Instant.now().plusSeconds(3500));

        Shopper.Response sent = newShopper().post("/api/admin/refunds/" + session + "/send", null, OPERATOR);

        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().path("status").asString()).isEqualTo("REFUNDED");
        assertThat(jdbc.sql("select status from simulated_payment_session where id = :id").param("id", session)
                .query(String.class).single()).isEqualTo("REFUNDED");
    }

    /** Operators double-clicking, on several screens: the provider is asked once, and every answer tells the refund as it is. */
    @Test
    void sendsOfOneRefundAtOnceAskTheProviderOnce() {
        String session = heldRefund("Raced Lantern", 2900);

        List<Shopper.Response> sends = Race.run(12, i -> newShopper().post("/api/admin/refunds/" + session + "/send", null, OPERATOR));

        assertThat(sends).allSatisfy(sent -> {
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            assertThat(sent.json().path("status").asString()).isIn("REFUND_DUE", "REFUNDED");
        });
        Shopper.Response after = newShopper().post("/api/admin/refunds/" + session + "/send", null, OPERATOR);
        assertThat(after.json().path("status").asString()).isEqualTo("REFUNDED");
        assertThat(after.json().path("attempts").asInt()).as("the provider was asked once").isOne();
    }

    /** A refund due for a payment of a checkout the shop does not have, held (not sent) by the hold of this shop. */
    private String heldRefund(String name, long price) {
        Product product = newProduct(name, price, 3);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        String page = startPayment(shopper, checkout(shopper).json().path("id").asString());
        String session = page.substring(page.lastIndexOf('/') + 1);
        jdbc.sql("update simulated_payment_session set status = 'PAID' where id = :id").param("id", session).update();
        String body = """
                {"id": "evt_held_%s", "type": "payment.succeeded", "created": %d, "data": {"sessionId": "%s",
                 "checkoutId": "%s", "amount": %d, "currency": "EUR"}}""".formatted(UUID.randomUUID(),
                Instant.now().getEpochSecond(), session, UUID.randomUUID(), price + CheckoutTestSteps.SHIPPING);
        assertThat(newShopper().post("/api/payments/webhook", body, WebhookSignature.HEADER,
                signature.sign(body.getBytes(StandardCharsets.UTF_8), Instant.now())).status()).isEqualTo(200);
        return session;
    }

    private JsonNode refund(String session) {
        for (JsonNode item : newShopper().get("/api/admin/refunds", OPERATOR).json().path("items")) {
            if (item.path("sessionId").asString().equals(session)) {
                return item;
            }
        }
        throw new AssertionError("No refund of " + session + " is listed");
    }
}
