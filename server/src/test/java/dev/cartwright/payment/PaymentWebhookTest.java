package dev.cartwright.payment;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The webhook believes only signed, fresh events, applies each once, and is not confused by their order. */
class PaymentWebhookTest extends ServiceTest {

    @Autowired
    WebhookSignature signature;

    private record Pending(Shopper shopper, Product product, String checkoutId, String sessionId) {}

    private Pending pendingPayment() {
        Product product = newProduct("Webhook Jug", 2400, 5);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 2);
        String id = checkout(shopper).json().path("id").asString();
        String page = startPayment(shopper, id);
        return new Pending(shopper, product, id, page.substring(page.lastIndexOf('/') + 1));
    }

    private static String event(String eventId, String type, Pending pending, String reason) {
        return event(eventId, type, pending, reason, 4800);
    }

    private static String event(String eventId, String type, Pending pending, String reason, long amount) {
        return """
                {"id": "%s", "type": "%s", "created": %d, "data": {"sessionId": "%s", "checkoutId": "%s",
                 "amount": %d, "currency": "EUR", "reason": %s}}"""
                .formatted(eventId, type, Instant.now().getEpochSecond(), pending.sessionId(), pending.checkoutId(), amount,
                        reason == null ? "null" : "\"" + reason + "\"");
    }

    private Shopper.Response deliver(String body, String signatureHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(newShopper().base().resolve("/api/payments/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signatureHeader != null) {
            request.header("Cartwright-Signature", signatureHeader);
        }
        return newShopper().send(request.build());
    }

    private Shopper.Response deliverSigned(String body, Instant at) {
        return deliver(body, signature.sign(body.getBytes(StandardCharsets.UTF_8), at));
    }

    private String status(Pending pending) {
        return pending.shopper().get("/api/checkouts/" + pending.checkoutId()).json().path("status").asString();
    }

    private int applied(String eventId) {
        return jdbc.sql("select count(*) from payment_event where id = :id").param("id", eventId).query(Integer.class).single();
    }

    @Test
    void forgedOrUnsignedEventsAreRefusedAndChangeNothing() {
        Pending pending = pendingPayment();
        String body = event("evt_" + UUID.randomUUID(), "payment.succeeded", pending, null);
        String forged = new WebhookSignature("not-our-secret".getBytes(StandardCharsets.UTF_8))
                .sign(body.getBytes(StandardCharsets.UTF_8), Instant.now());

        for (Shopper.Response refused : List.of(deliver(body, forged), deliver(body, null), deliver(body, "t=1,v1=00"))) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_SIGNATURE");
        }
        String signedOther = signature.sign("{}".getBytes(StandardCharsets.UTF_8), Instant.now());
        assertThat(deliver(body, signedOther).code()).isEqualTo("INVALID_SIGNATURE");
        assertThat(status(pending)).isEqualTo("PAYMENT_PENDING");
        assertThat(jdbc.sql("select count(*) from payment_event where checkout_id = cast(:id as uuid)")
                .param("id", pending.checkoutId()).query(Integer.class).single()).isZero();
    }

    @Test
    void aStaleEventIsRefused() {
        Pending pending = pendingPayment();
        String eventId = "evt_" + UUID.randomUUID();

        Shopper.Response stale = deliverSigned(event(eventId, "payment.succeeded", pending, null),
                Instant.now().minus(Duration.ofMinutes(6)));

        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.code()).isEqualTo("STALE_WEBHOOK");
        assertThat(status(pending)).isEqualTo("PAYMENT_PENDING");
        assertThat(applied(eventId)).isZero();
    }

    @Test
    void aDuplicatedEventIsAcknowledgedAndAppliedOnceEvenWhenCopiesArriveTogether() {
        Pending pending = pendingPayment();
        String eventId = "evt_" + UUID.randomUUID();
        String body = event(eventId, "payment.succeeded", pending, null);

        List<Shopper.Response> answers = Race.run(8, i -> deliverSigned(body, Instant.now()));
        Shopper.Response later = deliverSigned(body, Instant.now());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(answers.stream().filter(answer -> !answer.json().path("duplicate").asBoolean())).hasSize(1);
        assertThat(later.json().path("duplicate").asBoolean()).isTrue();
        assertThat(status(pending)).isEqualTo("PAID");
        assertThat(applied(eventId)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from customer_order where checkout_id = cast(:id as uuid)")
                .param("id", pending.checkoutId()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select on_hand from stock where product_id = :id").param("id", pending.product().id())
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aFailureArrivingAfterSuccessChangesNothing() {
        Pending pending = pendingPayment();

        assertThat(deliverSigned(event("evt_" + UUID.randomUUID(), "payment.succeeded", pending, null), Instant.now()).status())
                .isEqualTo(200);
        assertThat(deliverSigned(event("evt_" + UUID.randomUUID(), "payment.failed", pending, "declined"), Instant.now()).status())
                .isEqualTo(200);

        assertThat(status(pending)).isEqualTo("PAID");
        assertThat(jdbc.sql("select on_hand, reserved from stock where product_id = :id").param("id", pending.product().id())
                .query((rs, row) -> rs.getInt(1) + "/" + rs.getInt(2)).single()).isEqualTo("3/0");
    }

    @Test
    void aSecondSuccessForAPaidCheckoutMakesNoSecondOrder() {
        Pending pending = pendingPayment();

        deliverSigned(event("evt_" + UUID.randomUUID(), "payment.succeeded", pending, null), Instant.now());
        deliverSigned(event("evt_" + UUID.randomUUID(), "payment.succeeded", pending, null), Instant.now());

        assertThat(jdbc.sql("select count(*) from customer_order where checkout_id = cast(:id as uuid)")
                .param("id", pending.checkoutId()).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select on_hand from stock where product_id = :id").param("id", pending.product().id())
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndIgnoredAndMalformedOnesRefused() {
        Pending pending = pendingPayment();

        assertThat(deliverSigned(event("evt_" + UUID.randomUUID(), "charge.dispute.created", pending, null), Instant.now())
                .status()).isEqualTo(200);
        assertThat(deliverSigned("{not json", Instant.now()).code()).isEqualTo("MALFORMED_JSON");
        assertThat(status(pending)).isEqualTo("PAYMENT_PENDING");
    }

    @Test
    void aPaymentOfAnotherAmountThanTheCheckoutCostsDoesNotCompleteIt() {
        Pending pending = pendingPayment();

        assertThat(deliverSigned(event("evt_" + UUID.randomUUID(), "payment.succeeded", pending, null, 1), Instant.now())
                .status()).isEqualTo(200);

        assertThat(status(pending)).isEqualTo("PAYMENT_PENDING");
        assertThat(jdbc.sql("select on_hand from stock where product_id = :id").param("id", pending.product().id())
                .query(Integer.class).single()).isEqualTo(5);
    }
}
