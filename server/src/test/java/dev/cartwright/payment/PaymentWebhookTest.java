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

    /** What {@link #pendingPayment()} costs: two jugs and their shipping. */
    private static final long TOTAL = 2 * 2400 + CheckoutTestSteps.SHIPPING;

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
        return event(eventId, type, pending, reason, TOTAL);
    }

    private static String event(String eventId, String type, Pending pending, String reason, long amount) {
        return event(eventId, type, pending.checkoutId(), pending.sessionId(), reason, amount, "EUR");
    }

    private static String event(String eventId, String type, String checkoutId, String sessionId, String reason,
            long amount, String currency) {
        return """
                {"id": "%s", "type": "%s", "created": %d, "data": {"sessionId": "%s", "checkoutId": "%s",
                 "amount": %d, "currency": "%s", "reason": %s}}"""
                .formatted(eventId, type, Instant.now().getEpochSecond(), sessionId, checkoutId, amount, currency,
                        reason == null ? "null" : "\"" + reason + "\"");
    }

    private static String success(String eventId, String checkoutId, String sessionId, long amount, String currency) {
        return event(eventId, WebhookEvent.SUCCEEDED, checkoutId, sessionId, null, amount, currency);
    }

    /** A payment that did not complete its checkout, as an operator finds it. */
    private record Anomaly(String checkoutId, String reason, String expected, String arrived, String sessionId, long amount,
            String currency) {}

    private List<Anomaly> anomalies(String eventId) {
        return jdbc.sql("select * from payment_anomaly where event_id = :id")
                .param("id", eventId)
                .query((rs, row) -> new Anomaly(rs.getString("checkout_id"), rs.getString("reason"), rs.getString("expected"),
                        rs.getString("arrived"), rs.getString("session_id"), rs.getLong("amount"), rs.getString("currency")))
                .list();
    }

    private int onHand(Product product) {
        return jdbc.sql("select on_hand from stock where product_id = :id").param("id", product.id()).query(Integer.class).single();
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
    void aPaymentOfAnotherAmountOrCurrencyThanTheCheckoutCostsDoesNotCompleteItAndIsRecorded() {
        Pending pending = pendingPayment();
        String tooLittle = "evt_" + UUID.randomUUID();
        String otherCurrency = "evt_" + UUID.randomUUID();

        assertThat(deliverSigned(success(tooLittle, pending.checkoutId(), pending.sessionId(), 1, "EUR"), Instant.now())
                .status()).isEqualTo(200);
        assertThat(deliverSigned(success(otherCurrency, pending.checkoutId(), pending.sessionId(), TOTAL, "USD"), Instant.now())
                .status()).isEqualTo(200);

        assertThat(status(pending)).isEqualTo("PAYMENT_PENDING");
        assertThat(onHand(pending.product())).isEqualTo(5);
        assertThat(anomalies(tooLittle)).containsExactly(new Anomaly(pending.checkoutId(), "AMOUNT_MISMATCH", TOTAL + " EUR",
                "1 EUR", pending.sessionId(), 1, "EUR"));
        assertThat(anomalies(otherCurrency)).containsExactly(new Anomaly(pending.checkoutId(), "AMOUNT_MISMATCH", TOTAL + " EUR",
                TOTAL + " USD", pending.sessionId(), TOTAL, "USD"));
    }

    @Test
    void aSuccessThroughAnotherPaymentSessionDoesNotCompleteTheCheckoutAndIsRecordedOnce() {
        Pending pending = pendingPayment();
        String eventId = "evt_" + UUID.randomUUID();
        String body = success(eventId, pending.checkoutId(), "ps_someoneElsesSession", TOTAL, "EUR");

        assertThat(deliverSigned(body, Instant.now()).status()).isEqualTo(200);
        assertThat(deliverSigned(body, Instant.now()).json().path("duplicate").asBoolean()).isTrue();

        assertThat(status(pending)).isEqualTo("PAYMENT_PENDING");
        assertThat(onHand(pending.product())).isEqualTo(5);
        assertThat(anomalies(eventId)).containsExactly(new Anomaly(pending.checkoutId(), "SESSION_MISMATCH",
                pending.sessionId(), "ps_someoneElsesSession", "ps_someoneElsesSession", TOTAL, "EUR"));

        deliverSigned(event("evt_" + UUID.randomUUID(), WebhookEvent.SUCCEEDED, pending, null), Instant.now());
        assertThat(status(pending)).isEqualTo("PAID");
    }

    @Test
    void aFailureThroughAnotherPaymentSessionDoesNotFailTheCheckout() {
        Pending pending = pendingPayment();

        assertThat(deliverSigned(event("evt_" + UUID.randomUUID(), WebhookEvent.FAILED, pending.checkoutId(),
                "ps_abandonedSession", "declined", TOTAL, "EUR"), Instant.now()).status()).isEqualTo(200);

        assertThat(status(pending)).isEqualTo("PAYMENT_PENDING");
        assertThat(jdbc.sql("select reserved from stock where product_id = :id").param("id", pending.product().id())
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aSuccessForACheckoutThatDoesNotExistIsRecorded() {
        String eventId = "evt_" + UUID.randomUUID();
        String nowhere = UUID.randomUUID().toString();

        assertThat(deliverSigned(success(eventId, nowhere, "ps_lost", 1200, "EUR"), Instant.now()).status()).isEqualTo(200);

        assertThat(anomalies(eventId)).containsExactly(new Anomaly(nowhere, "UNKNOWN_CHECKOUT", "a checkout of this shop",
                "checkout " + nowhere, "ps_lost", 1200, "EUR"));
    }

    @Test
    void aPaymentArrivingAfterItsStockWasSoldToSomeoneElseIsRecordedForRefund() {
        Pending pending = pendingPayment();
        assertThat(pending.shopper().delete("/api/checkouts/" + pending.checkoutId()).status()).isEqualTo(200);
        Shopper quicker = newShopper();
        add(quicker, pending.product().id(), 5);
        String quickerCheckout = checkout(quicker).json().path("id").asString();
        String quickerPage = startPayment(quicker, quickerCheckout);
        deliverSigned(success("evt_" + UUID.randomUUID(), quickerCheckout, quickerPage.substring(quickerPage.lastIndexOf('/') + 1),
                5 * 2400 + CheckoutTestSteps.SHIPPING, "EUR"), Instant.now());
        String late = "evt_" + UUID.randomUUID();

        assertThat(deliverSigned(event(late, WebhookEvent.SUCCEEDED, pending, null), Instant.now()).status()).isEqualTo(200);

        assertThat(status(pending)).isEqualTo("CANCELLED");
        assertThat(onHand(pending.product())).isZero();
        assertThat(anomalies(late)).containsExactly(new Anomaly(pending.checkoutId(), "ARRIVED_TOO_LATE",
                "a checkout awaiting payment", "a checkout CANCELLED whose stock can no longer be had", pending.sessionId(),
                TOTAL, "EUR"));
    }

    @Test
    void aPaymentEventWithoutItsSessionOrCheckoutIsRefused() {
        Pending pending = pendingPayment();
        String eventId = "evt_" + UUID.randomUUID();

        Shopper.Response refused = deliverSigned("""
                {"id": "%s", "type": "payment.succeeded", "created": %d, "data": {"checkoutId": "%s", "amount": 4800,
                 "currency": "EUR"}}""".formatted(eventId, Instant.now().getEpochSecond(), pending.checkoutId()), Instant.now());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("MALFORMED_JSON");
        assertThat(status(pending)).isEqualTo("PAYMENT_PENDING");
        assertThat(applied(eventId)).isZero();
    }
}
