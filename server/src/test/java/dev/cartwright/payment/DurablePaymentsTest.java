package dev.cartwright.payment;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.available;
import static dev.cartwright.checkout.CheckoutTestSteps.awaitStatus;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.completeOnHostedPage;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import dev.cartwright.checkout.CheckoutTestSteps;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nothing about a payment lives only in memory: the simulated provider's webhooks wait in its
 * outbox while the shop cannot be reached, a checkout being paid is settled by asking the
 * provider, and a payment that completes nothing is refunded once. The provider delivers to a
 * port where the shop is down until a test brings it back ({@link WebhookRelay}).
 */
class DurablePaymentsTest extends ServiceTest {

    /** What {@link #pendingPayment(String)} costs: two units and their shipping. */
    private static final long TOTAL = 2 * 2400 + CheckoutTestSteps.SHIPPING;

    private static final int WEBHOOK_PORT = freePort();

    @DynamicPropertySource
    static void webhooksToAnAddressThatIsDown(DynamicPropertyRegistry registry) {
        registry.add("cartwright.payment.webhook-url", () -> "http://127.0.0.1:" + WEBHOOK_PORT + "/api/payments/webhook");
        registry.add("cartwright.payment.outbox-interval", () -> "PT0.1S");
        registry.add("cartwright.payment.retry-first", () -> "PT0.1S");
        registry.add("cartwright.payment.retry-max", () -> "PT0.5S");
        registry.add("cartwright.checkout.sweep-interval", () -> "PT0.2S");
    }

    @Autowired
    WebhookOutbox outbox;

    @Autowired
    WebhookDelivery delivery;

    @Autowired
    WebhookSignature signature;

    @Autowired
    SimulatedPaymentProvider provider;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    private record Pending(Shopper shopper, Product product, String checkoutId, String page, String sessionId) {}

    private Pending pendingPayment(String name) {
        Product product = newProduct(name, 2400, 5);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 2);
        String id = checkout(shopper).json().path("id").asString();
        String page = startPayment(shopper, id);
        return new Pending(shopper, product, id, page, page.substring(page.lastIndexOf('/') + 1));
    }

    private WebhookRelay shopIsBack() {
        return WebhookRelay.start(WEBHOOK_PORT, newShopper().base());
    }

    @Test
    void aPaymentMadeWhileTheShopCannotBeReachedIsDeliveredFromTheOutboxWhenItIsBack() {
        Pending pending = pendingPayment("Outbox Kettle");

        assertThat(completeOnHostedPage(pending.shopper(), pending.page(), "paid").status()).isEqualTo(303);

        assertThat(sessionStatus(pending.sessionId())).isEqualTo("PAID");
        String eventId = webhookOf(pending.sessionId());
        await("the provider tried and failed to deliver", () -> attempts(eventId) >= 2);
        assertThat(deliveryStatus(eventId)).isEqualTo("PENDING");
        assertThat(status(pending)).isEqualTo("PAYMENT_PENDING");

        try (WebhookRelay relay = shopIsBack()) {
            String orderId = awaitStatus(pending.shopper(), pending.checkoutId(), "PAID").path("orderId").asString();

            assertThat(pending.shopper().get("/api/orders/" + orderId).status()).isEqualTo(200);
            await("the outbox marks it delivered", () -> deliveryStatus(eventId).equals("DELIVERED"));
            assertThat(relay.deliveries(eventId)).isEqualTo(1);
            assertThat(onHand(pending.product())).isEqualTo(3);
        }
    }

    @Test
    void nodesPollingTheOutboxTogetherDeliverEachWebhookOnce() {
        List<String> eventIds = IntStream.range(0, 200).mapToObj(i -> "evt_race_" + UUID.randomUUID()).toList();
        try (WebhookRelay relay = shopIsBack()) {
            // All become due at once, for this node's own poller and four more racing it as other nodes would.
            transactions.executeWithoutResult(tx -> eventIds.forEach(id -> outbox.enqueue(probe(id))));
            Race.run(4, i -> {
                delivery.deliverDue();
                return i;
            });
            await("every webhook delivered", () -> eventIds.stream().allMatch(id -> deliveryStatus(id).equals("DELIVERED")));

            assertThat(eventIds).allSatisfy(id -> assertThat(relay.deliveries(id)).as(id).isEqualTo(1));
            assertThat(jdbc.sql("select count(*) from payment_event where id = any(:ids)")
                    .param("ids", eventIds.toArray(String[]::new)).query(Integer.class).single()).isEqualTo(200);
        }
    }

    @Test
    void aWebhookNeverAcknowledgedIsLeftDeadAfterTheRetryTimeAndHoldsUpNoOther() {
        String refused = "evt_refused_" + UUID.randomUUID();
        String fine = "evt_fine_" + UUID.randomUUID();
        double deadBefore = meters.counter("cartwright.payment.webhooks.dead").count();
        try (WebhookRelay relay = shopIsBack()) {
            transactions.executeWithoutResult(tx -> {
                // The shop answers 400 to a payment event without its session: it will never take this one.
                outbox.enqueue(new WebhookEvent(refused, WebhookEvent.SUCCEEDED, Instant.now().getEpochSecond(),
                        new WebhookEvent.Data(null, UUID.randomUUID(), 100, "EUR", null)));
                outbox.enqueue(probe(fine));
                jdbc.sql("update simulated_webhook_delivery set created_at = now() - interval '25 hours' where event_id = :id")
                        .param("id", refused).update();
            });

            await("the refused webhook is given up", () -> deliveryStatus(refused).equals("DEAD"));
            await("the other one is delivered", () -> deliveryStatus(fine).equals("DELIVERED"));
            assertThat(relay.deliveries(refused)).isOne();
            assertThat(meters.counter("cartwright.payment.webhooks.dead").count()).isEqualTo(deadBefore + 1);
            assertThat(jdbc.sql("select last_error from simulated_webhook_delivery where event_id = :id").param("id", refused)
                    .query(String.class).single()).isEqualTo("answered 400");
        }
    }

    @Test
    void aCheckoutBeingPaidPastItsReservationIsKeptWhileItsSessionIsOpen() {
        Pending pending = pendingPayment("Patient Teapot");

        reservationRunsOut(pending);

        await("the sweeper asked the provider and holds the stock for the session's time and the grace",
                () -> jdbc.sql("""
                                select c.expires_at = s.expires_at + interval '5 minutes'
                                  from checkout c join simulated_payment_session s on s.id = c.payment_session_id
                                 where c.id = cast(:id as uuid)
                                """)
                        .param("id", pending.checkoutId()).query(Boolean.class).single());
        assertThat(status(pending)).isEqualTo("PAYMENT_PENDING");
        assertThat(available(pending.shopper(), pending.product())).isEqualTo(3);
    }

    @Test
    void aCheckoutWhoseProviderSaysPaidIsCompletedByTheSweeperWithoutItsWebhook() {
        Pending pending = pendingPayment("Settled Saucer");
        assertThat(completeOnHostedPage(pending.shopper(), pending.page(), "paid").status()).isEqualTo(303);
        String eventId = webhookOf(pending.sessionId());

        reservationRunsOut(pending);

        String orderId = awaitStatus(pending.shopper(), pending.checkoutId(), "PAID").path("orderId").asString();
        assertThat(pending.shopper().get("/api/orders/" + orderId).status()).isEqualTo(200);
        assertThat(deliveryStatus(eventId)).as("its webhook could not be delivered").isEqualTo("PENDING");
        assertThat(onHand(pending.product())).isEqualTo(3);

        try (WebhookRelay relay = shopIsBack()) {
            await("the late webhook is delivered", () -> deliveryStatus(eventId).equals("DELIVERED"));
        }
        assertThat(jdbc.sql("select count(*) from customer_order where checkout_id = cast(:id as uuid)")
                .param("id", pending.checkoutId()).query(Integer.class).single()).isOne();
        assertThat(onHand(pending.product())).isEqualTo(3);
        assertThat(refunds(pending.sessionId())).isZero();
    }

    @Test
    void aCheckoutWhoseSessionExpiredAtTheProviderIsReleased() {
        Pending pending = pendingPayment("Forgotten Ladle");

        sessionRunsOut(pending);
        reservationRunsOut(pending);

        awaitStatus(pending.shopper(), pending.checkoutId(), "EXPIRED");
        assertThat(available(pending.shopper(), pending.product())).isEqualTo(5);
    }

    @Test
    void aPaymentForAnExpiredCheckoutWhoseStockIsGoneIsRefundedOnceHoweverOftenItIsReported() {
        Pending pending = pendingPayment("Contested Vase");
        sessionRunsOut(pending);
        reservationRunsOut(pending);
        awaitStatus(pending.shopper(), pending.checkoutId(), "EXPIRED");
        Shopper quicker = newShopper();
        add(quicker, pending.product().id(), 5);
        String quickerCheckout = checkout(quicker).json().path("id").asString();
        // A real provider may take a payment at the session's last moment and report it late; the simulated one
        // never does, so the test plays that provider.
        jdbc.sql("update simulated_payment_session set status = 'PAID' where id = :id").param("id", pending.sessionId()).update();
        String late = "evt_late_" + UUID.randomUUID();
        String body = success(late, pending);

        List<Shopper.Response> answers = Race.run(6, i -> deliverSigned(body));
        deliverSigned(body);
        deliverSigned(success("evt_again_" + UUID.randomUUID(), pending));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        await("the refund is made", () -> "REFUNDED".equals(refundStatus(pending.sessionId())));
        assertThat(refunds(pending.sessionId())).isOne();
        assertThat(jdbc.sql("select reason from payment_anomaly where session_id = :id").param("id", pending.sessionId())
                .query(String.class).list()).containsExactly("ARRIVED_TOO_LATE", "ARRIVED_TOO_LATE");
        assertThat(sessionStatus(pending.sessionId())).isEqualTo("REFUNDED");
        assertThat(status(pending)).isEqualTo("EXPIRED");
        assertThat(quicker.get("/api/checkouts/" + quickerCheckout).json().path("status").asString()).isEqualTo("RESERVED");

        String key = "refund_" + pending.sessionId();
        Instant refundedAt = jdbc.sql("select refunded_at from simulated_payment_session where id = :id")
                .param("id", pending.sessionId()).query(Instant.class).single();
        assertThat(provider.refund(pending.sessionId(), TOTAL, "EUR", key)).isEqualTo(new RefundOutcome.Refunded());
        assertThat(jdbc.sql("select refunded_at from simulated_payment_session where id = :id")
                .param("id", pending.sessionId()).query(Instant.class).single()).isEqualTo(refundedAt);
        assertThat(provider.refund(pending.sessionId(), TOTAL, "EUR", "another key"))
                .isInstanceOf(RefundOutcome.Refused.class);
    }

    @Test
    void aRefundTheProviderRefusesIsLeftForTheOperator() {
        String eventId = "evt_nowhere_" + UUID.randomUUID();
        String session = "ps_unknown_" + UUID.randomUUID();

        deliverSigned("""
                {"id": "%s", "type": "payment.succeeded", "created": %d, "data": {"sessionId": "%s", "checkoutId": "%s",
                 "amount": 1200, "currency": "EUR"}}""".formatted(eventId, Instant.now().getEpochSecond(), session, UUID.randomUUID()));

        await("the provider answered", () -> "REFUSED".equals(refundStatus(session)));
        assertThat(jdbc.sql("select last_error from payment_refund where session_id = :id").param("id", session)
                .query(String.class).single()).isEqualTo("no such payment session");
    }

    private static WebhookEvent probe(String id) {
        return new WebhookEvent(id, "payment.probe", Instant.now().getEpochSecond(), null);
    }

    private static String success(String eventId, Pending pending) {
        return """
                {"id": "%s", "type": "payment.succeeded", "created": %d, "data": {"sessionId": "%s", "checkoutId": "%s",
                 "amount": %d, "currency": "EUR"}}""".formatted(eventId, Instant.now().getEpochSecond(), pending.sessionId(),
                pending.checkoutId(), TOTAL);
    }

    private Shopper.Response deliverSigned(String body) {
        return newShopper().post("/api/payments/webhook", body, WebhookSignature.HEADER,
                signature.sign(body.getBytes(StandardCharsets.UTF_8), Instant.now()));
    }

    private void reservationRunsOut(Pending pending) {
        jdbc.sql("update checkout set expires_at = now() - interval '1 second' where id = cast(:id as uuid)")
                .param("id", pending.checkoutId()).update();
    }

    private void sessionRunsOut(Pending pending) {
        jdbc.sql("update simulated_payment_session set expires_at = now() - interval '1 second' where id = :id")
                .param("id", pending.sessionId()).update();
    }

    private String status(Pending pending) {
        return pending.shopper().get("/api/checkouts/" + pending.checkoutId()).json().path("status").asString();
    }

    private String sessionStatus(String sessionId) {
        return jdbc.sql("select status from simulated_payment_session where id = :id").param("id", sessionId)
                .query(String.class).single();
    }

    private String webhookOf(String sessionId) {
        return jdbc.sql("select event_id from simulated_webhook_delivery where cast(body as jsonb) -> 'data' ->> 'sessionId' = :id")
                .param("id", sessionId).query(String.class).single();
    }

    private String deliveryStatus(String eventId) {
        return jdbc.sql("select status from simulated_webhook_delivery where event_id = :id").param("id", eventId)
                .query(String.class).single();
    }

    private int attempts(String eventId) {
        return jdbc.sql("select attempts from simulated_webhook_delivery where event_id = :id").param("id", eventId)
                .query(Integer.class).single();
    }

    private String refundStatus(String sessionId) {
        return jdbc.sql("select status from payment_refund where session_id = :id").param("id", sessionId)
                .query(String.class).optional().orElse(null);
    }

    private int refunds(String sessionId) {
        return jdbc.sql("select count(*) from payment_refund where session_id = :id").param("id", sessionId)
                .query(Integer.class).single();
    }

    private int onHand(Product product) {
        return jdbc.sql("select on_hand from stock where product_id = :id").param("id", product.id()).query(Integer.class).single();
    }

    /** Waits, boundedly, for what happens on the service's own time (its pollers and sweeper). */
    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Never happened: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
