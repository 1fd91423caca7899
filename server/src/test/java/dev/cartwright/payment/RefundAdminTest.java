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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Refunds owed are the operator's to see and to send now, through the provider, once. The refund
 * here is for a payment reported for a checkout the shop does not have, while the provider's
 * session is still open, so the provider first refuses it (there is nothing paid yet to give back).
 */
class RefundAdminTest extends ServiceTest {

    private static final String[] OPERATOR = {"Authorization", "Bearer " + ADMIN_TOKEN};
    private static final long TOTAL = 2400 + CheckoutTestSteps.SHIPPING;

    @Autowired
    WebhookSignature signature;

    @Test
    void aRefusedRefundIsListedAndSentAgainByTheOperatorOnceWhateverHowOftenTheyAsk() {
        Product product = newProduct("Refunded Candle", 2400, 3);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        String page = startPayment(shopper, checkout(shopper).json().path("id").asString());
        String session = page.substring(page.lastIndexOf('/') + 1);
        UUID stranger = UUID.randomUUID();
        deliverSigned("""
                {"id": "evt_stray_%s", "type": "payment.succeeded", "created": %d, "data": {"sessionId": "%s",
                 "checkoutId": "%s", "amount": %d, "currency": "EUR"}}""".formatted(UUID.randomUUID(),
                Instant.now().getEpochSecond(), session, stranger, TOTAL));
        JsonNode refused = awaitRefund(session, "REFUSED");
        assertThat(refused.path("checkoutId").asString()).isEqualTo(stranger.toString());
        assertThat(refused.path("reason").asString()).isEqualTo("UNKNOWN_CHECKOUT");
        assertThat(refused.path("amount").asLong()).isEqualTo(TOTAL);
        assertThat(refused.path("currency").asString()).isEqualTo("EUR");
        assertThat(refused.path("attempts").asInt()).isOne();
        assertThat(refused.path("lastError").asString()).isEqualTo("the session is OPEN");
        assertThat(refused.path("createdAt").asString()).isNotEmpty();
        // Now the provider has the money: the test plays it taking the payment, as DurablePaymentsTest does.
        jdbc.sql("update simulated_payment_session set status = 'PAID' where id = :id").param("id", session).update();

        List<Shopper.Response> sends = Race.run(4, i -> send(session));
        Shopper.Response again = send(session);

        assertThat(sends).allSatisfy(sent -> assertThat(sent.status()).as(sent.body()).isEqualTo(200));
        assertThat(again.json().path("status").asString()).isEqualTo("REFUNDED");
        assertThat(again.json().path("refundedAt").asString()).isNotEmpty();
        int attempts = again.json().path("attempts").asInt();
        assertThat(send(session).json().path("attempts").asInt()).as("a refund made is not sent again").isEqualTo(attempts);
        assertThat(jdbc.sql("select status from simulated_payment_session where id = :id").param("id", session)
                .query(String.class).single()).isEqualTo("REFUNDED");
        assertThat(refunds().path("items")).noneSatisfy(item -> assertThat(item.path("sessionId").asString()).isEqualTo(session));
    }

    @Test
    void aSessionWithNoRefundOwedAnswers404() {
        for (String session : List.of("ps_nothing_owed", "%20", "x".repeat(2000), "ps_%E2%9C%93")) {
            Shopper.Response refused = send(session);
            assertThat(refused.status()).as(session).isIn(400, 404);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(send("ps_nothing_owed").code()).isEqualTo("REFUND_NOT_FOUND");
    }

    private Shopper.Response send(String session) {
        return newShopper().post("/api/admin/refunds/" + session + "/send", null, OPERATOR);
    }

    private JsonNode refunds() {
        return newShopper().get("/api/admin/refunds", OPERATOR).json();
    }

    /** Waits, boundedly, for the poller to have tried the refund. */
    private JsonNode awaitRefund(String session, String status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode item : refunds().path("items")) {
                if (item.path("sessionId").asString().equals(session) && item.path("status").asString().equals(status)) {
                    return item;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The refund of " + session + " was never " + status + ": " + refunds());
    }

    private void deliverSigned(String body) {
        Shopper.Response answer = newShopper().post("/api/payments/webhook", body, WebhookSignature.HEADER,
                signature.sign(body.getBytes(StandardCharsets.UTF_8), Instant.now()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
