package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.LockWaits;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Idempotency-Key on the cart's mutations: a repeated request answers what the first one
 * answered and changes nothing more; keys are the shopper's own and last 24 hours.
 */
class IdempotencyTest extends ServiceTest {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Autowired
    private DataSource dataSource;

    @Test
    void repeatingARequestWithItsKeyReplaysTheFirstAnswerAndAppliesItOnce() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Idempotent Mug", 1200, 10);
        String key = newKey();

        Shopper.Response first = add(shopper, mug.id(), 2, KEY, key);
        Shopper.Response second = add(shopper, mug.id(), 2, KEY, key);
        Shopper.Response third = add(shopper, mug.id(), 2, KEY, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header(REPLAYED)).as("the first answer is no replay").isEmpty();
        for (Shopper.Response replay : new Shopper.Response[] {second, third}) {
            assertSameAnswer(replay, first);
            assertThat(replay.header(REPLAYED)).contains("true");
        }
        JsonNode cart = cart(shopper).json();
        assertThat(cart.path("version").asLong()).isEqualTo(1);
        assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void everyKindOfCartChangeIsReplayedRatherThanAppliedAgain() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Replayed Mug", 1200, 10);
        Product pot = newProduct("Replayed Pot", 3000, 10);
        add(shopper, mug.id(), 1);
        long lineId = add(shopper, pot.id(), 1).json().path("items").get(1).path("id").asLong();
        List<Call> calls = List.of(
                new Call("PUT", "/api/cart/items/" + lineId, "{\"quantity\":3}", newKey()),
                new Call("PATCH", "/api/cart/items/" + lineId, "{\"selected\":false}", newKey()),
                new Call("PATCH", "/api/cart/selection", "{\"selected\":true}", newKey()),
                new Call("DELETE", "/api/cart/items/" + lineId, null, newKey()));
        List<Shopper.Response> firsts = calls.stream().map(call -> call.send(shopper)).toList();
        JsonNode before = cart(shopper).json();

        for (int i = 0; i < calls.size(); i++) {
            Shopper.Response first = firsts.get(i);
            Shopper.Response replay = calls.get(i).send(shopper);
            assertThat(first.status()).as("%s: %s", calls.get(i), first).isEqualTo(200);
            assertSameAnswer(replay, first);
            assertThat(replay.header(REPLAYED)).as(calls.get(i).toString()).contains("true");
        }
        assertThat(cart(shopper).json()).as("replays changed nothing").isEqualTo(before);
        assertThat(before.path("version").asLong()).isEqualTo(6);
        assertThat(before.path("items")).hasSize(1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefusedAndChangesNothing() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Reused Key Mug", 1200, 10);
        String key = newKey();
        Shopper.Response first = add(shopper, mug.id(), 1, KEY, key);
        long lineId = first.json().path("items").get(0).path("id").asLong();
        String before = cart(shopper).body();

        Shopper.Response[] others = {
                add(shopper, mug.id(), 2, KEY, key),
                shopper.post("/api/cart/items", "{\"quantity\":1,\"productId\":" + mug.id() + "}", KEY, key),
                add(shopper, mug.id(), 1, KEY, key, "If-Match", "\"1\""),
                shopper.put("/api/cart/items/" + lineId, "{\"quantity\":1}", KEY, key),
                shopper.patch("/api/cart/selection", "{\"selected\":false}", KEY, key),
                shopper.delete("/api/cart/items/" + lineId, KEY, key),
                shopper.post("/api/cart/items?again", "{\"productId\":" + mug.id() + ",\"quantity\":1}", KEY, key),
        };

        for (Shopper.Response other : others) {
            assertProblem(other, 422, "IDEMPOTENCY_KEY_REUSED");
            assertThat(other.header(REPLAYED)).isEmpty();
        }
        assertThat(cart(shopper).body()).isEqualTo(before);
        assertSameAnswer(add(shopper, mug.id(), 1, KEY, key), first);
    }

    @Test
    void anotherShoppersSameKeyIsAFreshRequest() {
        Shopper alice = newShopper();
        Shopper bob = newShopper();
        Product mug = newProduct("Shared Key Mug", 1200, 10);
        String key = newKey();
        Shopper.Response alices = add(alice, mug.id(), 2, KEY, key);

        Shopper.Response bobs = add(bob, mug.id(), 2, KEY, key);
        Shopper.Response bobsOther = add(bob, mug.id(), 1, KEY, newKey());

        assertThat(bobs.status()).as(bobs.toString()).isEqualTo(200);
        assertThat(bobs.header(REPLAYED)).isEmpty();
        assertThat(bobs.json().path("id")).as("Bob's own cart").isNotEqualTo(alices.json().path("id"));
        assertThat(bobsOther.json().path("items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertSameAnswer(add(alice, mug.id(), 2, KEY, key), alices);
        assertThat(cart(alice).json().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertProblem(add(bob, mug.id(), 5, KEY, key), 422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aKeyOlderThanADayNoLongerReplaysAndMayBeUsedAgain() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Expiring Mug", 1200, 10);
        String key = newKey();
        Shopper.Response first = add(shopper, mug.id(), 2, KEY, key);
        age(first, key, "23 hours");
        assertSameAnswer(add(shopper, mug.id(), 2, KEY, key), first);
        age(first, key, "25 hours");

        Shopper.Response again = add(shopper, mug.id(), 2, KEY, key);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header(REPLAYED)).isEmpty();
        assertThat(again.json().path("version").asLong()).isEqualTo(2);
        assertThat(again.json().path("items").get(0).path("quantity").asInt()).isEqualTo(4);
        assertSameAnswer(add(shopper, mug.id(), 2, KEY, key), again);
        age(again, key, "25 hours");
        Shopper.Response different = add(shopper, mug.id(), 1, KEY, key);
        assertThat(different.status()).as("an expired key is free for any request: %s", different).isEqualTo(200);
        assertThat(different.json().path("items").get(0).path("quantity").asInt()).isEqualTo(5);
    }

    @Test
    void aRefusalIsStoredAndReplayedEvenWhenTheRequestWouldNowSucceed() {
        Shopper shopper = newShopper();
        Product vase = newProduct("Refused Then Stocked Vase", 2500, 1);
        String key = newKey();
        Shopper.Response refused = add(shopper, vase.id(), 3, KEY, key);
        assertProblem(refused, 409, "INSUFFICIENT_STOCK");
        jdbc.sql("update stock set on_hand = 10 where product_id = :id").param("id", vase.id()).update();

        Shopper.Response replay = add(shopper, vase.id(), 3, KEY, key);

        assertSameAnswer(replay, refused);
        assertThat(replay.header(REPLAYED)).contains("true");
        assertThat(cart(shopper).json().path("items")).isEmpty();
        assertThat(add(shopper, vase.id(), 3, KEY, newKey()).status()).as("a new key tries again").isEqualTo(200);
    }

    @Test
    void aVersionMismatchIsReplayedWithTheCartAsItWasThen() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Mismatched Mug", 1200, 10);
        add(shopper, mug.id(), 1);
        add(shopper, mug.id(), 1);
        String key = newKey();
        Shopper.Response mismatch = add(shopper, mug.id(), 1, KEY, key, "If-Match", "\"1\"");
        assertProblem(mismatch, 412, "VERSION_MISMATCH");
        add(shopper, mug.id(), 1);

        Shopper.Response replay = add(shopper, mug.id(), 1, KEY, key, "If-Match", "\"1\"");

        assertSameAnswer(replay, mismatch);
        assertThat(replay.json().path("cart").path("version").asLong()).isEqualTo(2);
        assertThat(cart(shopper).json().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void validationFailuresAndMissingLinesAreReplayedToo() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Invalid Mug", 1200, 10);
        String invalidKey = newKey();
        String missingKey = newKey();
        Shopper.Response invalid = add(shopper, mug.id(), 0, KEY, invalidKey);
        Shopper.Response missing = shopper.delete("/api/cart/items/" + Long.MAX_VALUE, KEY, missingKey);

        assertProblem(invalid, 400, "VALIDATION_FAILED");
        assertProblem(missing, 404, "CART_ITEM_NOT_FOUND");
        assertSameAnswer(add(shopper, mug.id(), 0, KEY, invalidKey), invalid);
        assertSameAnswer(shopper.delete("/api/cart/items/" + Long.MAX_VALUE, KEY, missingKey), missing);
    }

    @Test
    void whileTheFirstRequestRunsTheKeyIsInUseAndNothingIsStored() throws SQLException {
        Shopper shopper = newShopper();
        Product mug = newProduct("Busy Key Mug", 1200, 10);
        // A guest's cart appears with their first change; this one is of another product.
        String scope = scopeOf(add(shopper, newProduct("Busy Key Spoon", 300, 10).id(), 1));
        String key = newKey();

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))")) {
                lock.setString(1, scope);
                lock.setString(2, key);
                lock.execute();
            }

            Shopper.Response busy = add(shopper, mug.id(), 2, KEY, key);
            Shopper.Response stillBusy = add(shopper, mug.id(), 2, KEY, key);

            assertProblem(busy, 409, "IDEMPOTENCY_KEY_IN_USE");
            assertProblem(stillBusy, 409, "IDEMPOTENCY_KEY_IN_USE");
            Shopper.Response otherKey = add(shopper, mug.id(), 1, KEY, newKey());
            assertThat(otherKey.status()).as("only that key is busy: %s", otherKey).isEqualTo(200);
            other.rollback();
        }
        assertThat(storedKeys(scope, key)).as("an in-use refusal is not stored").isZero();

        Shopper.Response done = add(shopper, mug.id(), 2, KEY, key);

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.header(REPLAYED)).isEmpty();
        assertThat(done.json().path("items").get(1).path("quantity").asInt()).isEqualTo(3);
        assertThat(storedKeys(scope, key)).isEqualTo(1);
    }

    @Test
    void aKeyThatIsNotVisibleAsciiOrTooLongIsRefused() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Bad Key Mug", 1200, 10);
        String before = cart(shopper).body();

        assertProblem(add(shopper, mug.id(), 1, KEY, "two words"), 400, "INVALID_IDEMPOTENCY_KEY");
        assertProblem(add(shopper, mug.id(), 1, KEY, "k".repeat(256)), 400, "INVALID_IDEMPOTENCY_KEY");

        assertThat(cart(shopper).body()).isEqualTo(before);
        assertThat(add(shopper, mug.id(), 1, KEY, "k".repeat(255)).status()).isEqualTo(200);
    }

    @Test
    void withoutAKeyEveryRequestIsApplied() {
        Shopper shopper = newShopper();
        Product mug = newProduct("Keyless Mug", 1200, 10);

        add(shopper, mug.id(), 2);
        Shopper.Response second = add(shopper, mug.id(), 2);

        assertThat(second.header(REPLAYED)).isEmpty();
        assertThat(second.json().path("version").asLong()).isEqualTo(2);
        assertThat(second.json().path("items").get(0).path("quantity").asInt()).isEqualTo(4);
        assertThat(storedKeys(scopeOf(second), "%")).isZero();
    }

    // ----

    @Test
    void startingAPaymentIsIdempotentByItselfAndHoldsNoKeyTransactionWhileTheProviderAnswers() {
        Shopper shopper = newShopper();
        Product kettle = newProduct("Paying Key Kettle", 4100, 5);
        add(shopper, kettle.id(), 1);
        String checkout = shopper.post("/api/checkouts", dev.cartwright.checkout.CheckoutTestSteps.ADDRESS.transform(
                address -> "{\"shippingAddress\": " + address + "}")).json().path("id").asString();
        String key = newKey();

        Shopper.Response first = shopper.post("/api/checkouts/" + checkout + "/payment", "{\"method\": \"card\"}", KEY, key);
        Shopper.Response again = shopper.post("/api/checkouts/" + checkout + "/payment", "{\"method\": \"card\"}", KEY, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(again.json().path("redirectUrl")).as("the same session's page").isEqualTo(first.json().path("redirectUrl"));
        assertThat(jdbc.sql("select count(*) from idempotency_key where key = :key").param("key", key).query(Long.class).single())
                .isZero();
    }

    @Test
    void anAnswerStoredUnderTheKeyAfterTheClaimReadItWinsAndTheLaterChangeIsRolledBack() throws Exception {
        Shopper shopper = newShopper();
        Product mug = newProduct("Claimed Mug", 1200, 10);
        Shopper.Response before = add(shopper, mug.id(), 1);
        String scope = scopeOf(before);
        String key = newKey();
        try (Connection holder = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from cart where owner_id = cast(? as uuid) for update")) {
                lock.setString(1, scope);
                lock.executeQuery().close();
            }
            // The request claims the key, finds nothing stored, and then waits for the cart.
            CompletableFuture<Shopper.Response> change = CompletableFuture.supplyAsync(() ->
                    shopper.put("/api/cart/products/" + mug.id(), "{\"quantity\": 5}", KEY, key));
            LockWaits.awaitWaitingForLocks(other, 1);
            // Meanwhile a request with the same key stores its answer, as one that ended just then would.
            try (PreparedStatement store = other.prepareStatement("""
                    insert into idempotency_key (scope, key, request_hash, status, headers, body)
                    values (?, ?, '\\x00', 200, '{}', '{}')
                    """)) {
                store.setString(1, scope);
                store.setString(2, key);
                store.executeUpdate();
            }
            holder.commit();

            assertProblem(change.get(30, TimeUnit.SECONDS), 422, "IDEMPOTENCY_KEY_REUSED");
        }
        JsonNode cart = cart(shopper).json();
        assertThat(cart.path("version").asLong()).as("the later change was rolled back").isEqualTo(1);
        assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(1);
    }

    private static Shopper.Response add(Shopper shopper, long productId, int quantity, String... headers) {
        return shopper.post("/api/cart/items", "{\"productId\":" + productId + ",\"quantity\":" + quantity + "}", headers);
    }

    private static Shopper.Response cart(Shopper shopper) {
        return shopper.get("/api/cart");
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** A replay answers exactly what the first answer said: status, body, type and ETag. */
    private static void assertSameAnswer(Shopper.Response replay, Shopper.Response first) {
        assertThat(replay.status()).as("status of %s", replay).isEqualTo(first.status());
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.contentType()).isEqualTo(first.contentType());
        assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
    }

    private static void assertProblem(Shopper.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
    }

    /** The scope of a shopper's keys: their id, which owns the cart of this answer. */
    private String scopeOf(Shopper.Response cartAnswer) {
        return jdbc.sql("select owner_id::text from cart where id = cast(:id as uuid)")
                .param("id", cartAnswer.json().path("id").asString())
                .query(String.class)
                .single();
    }

    private void age(Shopper.Response answerInScope, String key, String age) {
        int aged = jdbc.sql("update idempotency_key set created_at = now() - cast(:age as interval) where scope = :scope and key = :key")
                .param("age", age)
                .param("scope", scopeOf(answerInScope))
                .param("key", key)
                .update();
        assertThat(aged).isEqualTo(1);
    }

    private int storedKeys(String scope, String keyPattern) {
        return jdbc.sql("select count(*) from idempotency_key where scope = :scope and key like :key")
                .param("scope", scope)
                .param("key", keyPattern)
                .query(Integer.class)
                .single();
    }

    private record Call(String method, String path, @Nullable String body, String key) {

        Shopper.Response send(Shopper shopper) {
            return shopper.send(method, path, body, KEY, key);
        }
    }
}
