package dev.cartwright.platform;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.awaitStatus;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.completeOnHostedPage;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The retention jobs: what has outlived its use goes, in bounded batches, on one node at a time,
 * and nothing a shopper still needs goes with it.
 */
class RetentionTest extends ServiceTest {

    @Autowired
    private Retention retention;

    @Autowired
    private List<RetentionTask> tasks;

    @Autowired
    private DataSource dataSource;

    private Product vase;

    @BeforeEach
    void aProduct() {
        vase = newProduct("Retention Vase", 2500, 50);
    }

    @Test
    void aGuestAwayLongerThanTheRetentionIsForgottenWithTheirCartAndClosedCheckouts() throws Exception {
        Shopper guest = newShopper();
        UUID cart = cartId(add(guest, vase.id(), 2));
        String cancelled = checkout(guest).json().path("id").asString();
        assertThat(guest.delete("/api/checkouts/" + cancelled).status()).isEqualTo(200);
        UUID shopper = ownerOf(cart);
        stayAway(shopper, cart);

        assertThat(retention.run()).isTrue();

        assertThat(count("shopper where id = '" + shopper + "'")).isZero();
        assertThat(count("cart where id = '" + cart + "'")).isZero();
        assertThat(count("cart_item where cart_id = '" + cart + "'")).isZero();
        assertThat(count("checkout where shopper_id = '" + shopper + "'")).isZero();
    }

    @Test
    void guestsWithAnOrderAnOpenCheckoutOrARecentCartStay() throws Exception {
        Shopper buyer = newShopper();
        UUID buyersCart = cartId(add(buyer, vase.id(), 1));
        String paid = checkout(buyer).json().path("id").asString();
        completeOnHostedPage(buyer, startPayment(buyer, paid), "paid");
        awaitStatus(buyer, paid, "PAID");
        stayAway(ownerOf(buyersCart), buyersCart);

        Shopper holder = newShopper();
        UUID holdersCart = cartId(add(holder, vase.id(), 1));
        assertThat(checkout(holder).status()).isEqualTo(201);
        stayAway(ownerOf(holdersCart), holdersCart);

        Shopper browser = newShopper();
        UUID browsersCart = cartId(add(browser, vase.id(), 1));
        jdbc.sql("update shopper set last_seen_at = now() - interval '40 days' where id = :id")
                .param("id", ownerOf(browsersCart)).update();

        assertThat(retention.run()).isTrue();

        for (UUID cart : List.of(buyersCart, holdersCart, browsersCart)) {
            assertThat(count("cart where id = '" + cart + "'")).as("cart %s", cart).isOne();
        }
        assertThat(buyer.get("/api/checkouts/" + paid).json().path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void checkoutsClosedUnpaidLongAgoAreDeletedAndPaidOnesStay() throws Exception {
        Shopper shopper = newShopper();
        add(shopper, vase.id(), 1);
        String old = checkout(shopper).json().path("id").asString();
        shopper.delete("/api/checkouts/" + old);
        String recent = checkout(shopper).json().path("id").asString();
        shopper.delete("/api/checkouts/" + recent);
        String refundDue = checkout(shopper).json().path("id").asString();
        shopper.delete("/api/checkouts/" + refundDue);
        paidTooLate(refundDue);
        jdbc.sql("update checkout set updated_at = now() - interval '40 days' where id in (cast(:old as uuid), cast(:due as uuid))")
                .param("old", old).param("due", refundDue).update();

        assertThat(retention.run()).isTrue();

        assertThat(count("checkout where id = '" + old + "'")).isZero();
        assertThat(count("checkout_line where checkout_id = '" + old + "'")).isZero();
        assertThat(count("checkout where id = '" + recent + "'")).isOne();
        assertThat(count("checkout where id = '" + refundDue + "'")).as("a payment to refund keeps its checkout").isOne();
        assertThat(count("reservation where checkout_id in ('" + old + "', '" + recent + "')"))
                .as("a closed checkout gave its reservations back when it closed").isZero();
    }

    @Test
    void expiredIdempotencyKeysAreDeletedAndLiveOnesKept() throws Exception {
        Shopper shopper = newShopper();
        String oldKey = UUID.randomUUID().toString();
        String liveKey = UUID.randomUUID().toString();
        shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(vase.id()), "Idempotency-Key", oldKey);
        shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(vase.id()), "Idempotency-Key", liveKey);
        jdbc.sql("update idempotency_key set created_at = now() - interval '2 days' where key = :key").param("key", oldKey).update();

        assertThat(retention.run()).isTrue();

        assertThat(count("idempotency_key where key = '" + oldKey + "'")).isZero();
        assertThat(count("idempotency_key where key = '" + liveKey + "'")).isOne();
    }

    @Test
    void invitationsEndedLongerAgoThanTheyLastAreDeletedAndRecentOnesStillSayWhy() throws Exception {
        Shopper owner = newShopper();
        add(owner, vase.id(), 1);
        String longExpired = owner.post("/api/cart/share", null).json().path("token").asString();
        String longRevoked = owner.post("/api/cart/share", null).json().path("token").asString();
        String justExpired = owner.post("/api/cart/share", null).json().path("token").asString();
        String open = owner.post("/api/cart/share", null).json().path("token").asString();
        endInvitation(longExpired, "expires_at", "20 days");
        endInvitation(longRevoked, "revoked_at", "20 days");
        endInvitation(justExpired, "expires_at", "1 day");

        assertThat(retention.run()).isTrue();

        Shopper stranger = newShopper();
        assertThat(stranger.get("/api/cart/invitations/" + longExpired).status()).isEqualTo(404);
        assertThat(stranger.get("/api/cart/invitations/" + longRevoked).status()).isEqualTo(404);
        assertThat(stranger.get("/api/cart/invitations/" + justExpired).code()).isEqualTo("INVITATION_EXPIRED");
        assertThat(stranger.get("/api/cart/invitations/" + open).status()).isEqualTo(200);
    }

    private void endInvitation(String token, String column, String ago) throws Exception {
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(jdbc.sql("update cart_share set " + column + " = now() - cast(:ago as interval) where token_hash = :hash")
                .param("ago", ago).param("hash", hash).update()).isOne();
    }

    @Test
    void whileAnotherNodeRunsTheRetentionThisOneDoesNothing() throws Exception {
        Shopper guest = newShopper();
        UUID cart = cartId(add(guest, vase.id(), 1));
        stayAway(ownerOf(cart), cart);

        try (Connection otherNode = dataSource.getConnection();
                PreparedStatement lock = otherNode.prepareStatement("select pg_advisory_lock(?)");
                PreparedStatement unlock = otherNode.prepareStatement("select pg_advisory_unlock(?)")) {
            lock.setLong(1, Retention.LOCK);
            lock.execute();
            assertThat(retention.run()).isFalse();
            assertThat(count("cart where id = '" + cart + "'")).isOne();
            unlock.setLong(1, Retention.LOCK);
            unlock.execute();
        }

        assertThat(retention.run()).isTrue();
        assertThat(count("cart where id = '" + cart + "'")).isZero();
    }

    @Test
    void aBatchDeletesNoMoreThanItsLimit() throws Exception {
        retention.run();
        for (int i = 0; i < 3; i++) {
            Shopper guest = newShopper();
            UUID cart = cartId(add(guest, vase.id(), 1));
            stayAway(ownerOf(cart), cart);
        }
        RetentionTask guests = tasks.stream().filter(task -> task.rows().startsWith("abandoned guests")).findFirst().orElseThrow();

        assertThat(guests.forget(2)).isEqualTo(2);
        assertThat(guests.forget(2)).isEqualTo(1);
        assertThat(guests.forget(2)).isZero();
    }

    @Test
    void aGuestWithAPaymentToLookIntoStays() throws Exception {
        Shopper guest = newShopper();
        UUID cart = cartId(add(guest, vase.id(), 1));
        String cancelled = checkout(guest).json().path("id").asString();
        guest.delete("/api/checkouts/" + cancelled);
        paidTooLate(cancelled);
        stayAway(ownerOf(cart), cart);

        assertThat(retention.run()).isTrue();

        assertThat(count("cart where id = '" + cart + "'")).isOne();
        assertThat(count("checkout where id = '" + cancelled + "'")).isOne();
    }

    /** What the payment feature records when a payment arrives for a checkout it can no longer complete. */
    private void paidTooLate(String checkoutId) {
        String event = "evt_" + UUID.randomUUID();
        jdbc.sql("insert into payment_event (id, type, checkout_id) values (:id, 'payment.succeeded', cast(:checkout as uuid))")
                .param("id", event).param("checkout", checkoutId).update();
        jdbc.sql("""
                        insert into payment_anomaly (event_id, checkout_id, reason, expected, arrived, session_id, amount, currency)
                        values (:event, cast(:checkout as uuid), 'ARRIVED_TOO_LATE', 'RESERVED', 'CANCELLED', 'ps_test', 2500, 'EUR')
                        """)
                .param("event", event).param("checkout", checkoutId).update();
    }

    private void stayAway(UUID shopper, UUID cart) {
        jdbc.sql("update shopper set last_seen_at = now() - interval '40 days' where id = :id").param("id", shopper).update();
        jdbc.sql("update cart set updated_at = now() - interval '40 days' where id = :id").param("id", cart).update();
    }

    private UUID ownerOf(UUID cart) {
        return jdbc.sql("select owner_id from cart where id = :id").param("id", cart).query(UUID.class).single();
    }

    private static UUID cartId(Shopper.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return UUID.fromString(answer.json().path("id").asString());
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
    }
}
