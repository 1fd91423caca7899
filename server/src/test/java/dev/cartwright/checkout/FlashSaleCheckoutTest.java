package dev.cartwright.checkout;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.LockWaits;
import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.StockLedger;
import dev.cartwright.catalog.Product;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A drop: many shoppers, few units. Exactly the units are sold, a shopper whose earlier checkout
 * the new one replaces keeps what it held, and a refusal for a sold-out product locks no stock row.
 */
class FlashSaleCheckoutTest extends ServiceTest {

    private static final int UNITS = 30;
    private static final int RETURNING = 10;
    private static final int NEWCOMERS = 150;

    @Autowired
    private DataSource dataSource;

    /**
     * Ten shoppers hold one unit each in a checkout and now want two; 150 more want one. Stock
     * only goes down during the race, so a refusal is right only if nothing is left at the end.
     */
    @Test
    void aDropSellsExactlyTheUnitsAndRefusesOnlyWhenNothingIsLeftForTheShopper() {
        Product drop = newProduct("Drop Sneaker", 15000, UNITS);
        List<Shopper> returning = IntStream.range(0, RETURNING).mapToObj(i -> newShopper()).toList();
        for (Shopper shopper : returning) {
            add(shopper, drop.id(), 1);
            assertThat(checkout(shopper).status()).isEqualTo(201);
            assertThat(add(shopper, drop.id(), 1).status()).isEqualTo(200);
        }
        List<Shopper> shoppers = new ArrayList<>(returning);
        IntStream.range(0, NEWCOMERS).forEach(i -> {
            Shopper shopper = newShopper();
            assertThat(add(shopper, drop.id(), 1).status()).isEqualTo(200);
            shoppers.add(shopper);
        });

        List<Shopper.Response> answers = Race.run(shoppers.size(), i -> checkout(shoppers.get(i)));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
        StockLedger.assertBalanced(jdbc);
        assertThat(reserved(drop)).isEqualTo(Math.min(UNITS, 2 * RETURNING + NEWCOMERS));
        assertThat(jdbc.sql("select on_hand - reserved from stock where product_id = :id").param("id", drop.id())
                .query(Integer.class).single()).as("refusals were only made when nothing was left").isZero();
        for (int i = 0; i < shoppers.size(); i++) {
            Shopper.Response answer = answers.get(i);
            if (answer.status() == 409) {
                assertRefusedWithAdjustedCart(shoppers.get(i), answer, drop, i < RETURNING ? 1 : 0);
            }
        }
    }

    @Test
    void aShopperCheckingOutAgainWhenTheDropIsSoldOutKeepsWhatTheirCheckoutHeld() {
        Product drop = newProduct("Last Pair", 15000, 1);
        Shopper shopper = newShopper();
        add(shopper, drop.id(), 1);
        String first = checkout(shopper).json().path("id").asString();

        Shopper.Response again = checkout(shopper);

        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(shopper.get("/api/checkouts/" + first).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(reserved(drop)).isEqualTo(1);
        StockLedger.assertBalanced(jdbc);
    }

    /**
     * Another transaction holds the stock row. A refusal that waited for it would give up at the
     * service's lock_timeout and, after its retries, answer 503: never the 409 asserted here.
     */
    @Test
    void aRefusalForASoldOutProductAnswersWhileItsStockRowIsLocked() throws SQLException {
        Product drop = newProduct("Sold Out Cap", 2500, 1);
        Shopper late = newShopper();
        add(late, drop.id(), 1);
        Shopper first = newShopper();
        add(first, drop.id(), 1);
        assertThat(checkout(first).status()).isEqualTo(201);

        Shopper.Response refused;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from stock where product_id = ? for update")) {
                lock.setLong(1, drop.id());
                lock.executeQuery().close();
            }
            refused = checkout(late);
            holder.rollback();
        }

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("STOCK_CONFLICT");
        assertThat(refused.json().path("cart").path("items")).isEmpty();
        assertThat(late.get("/api/cart").json().path("items")).isEmpty();
        assertThat(reserved(drop)).isEqualTo(1);
    }

    /**
     * The checkout sees the last unit, but another transaction takes it before the checkout's
     * commit, which then fails; run again, the request is refused on what is left, with or
     * without an Idempotency-Key (whose transaction commits in the filter, not the service).
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aCheckoutThatLosesTheLastUnitAtItsCommitIsRefusedOnWhatIsLeft(boolean keyed) throws Exception {
        Product drop = newProduct("Last Hoodie", 6000, 1);
        Shopper late = newShopper();
        add(late, drop.id(), 1);
        Shopper.Response refused;
        try (Connection taker = dataSource.getConnection(); Connection watcher = dataSource.getConnection()) {
            taker.setAutoCommit(false);
            try (PreparedStatement take = taker.prepareStatement(
                    "insert into reservation (checkout_id, product_id, quantity) values (gen_random_uuid(), ?, 1)")) {
                take.setLong(1, drop.id());
                take.execute();
            }
            try (PreparedStatement now = taker.prepareStatement("set constraints reservation_takes_stock immediate")) {
                now.execute();
            }
            String[] key = keyed ? new String[] {"Idempotency-Key", UUID.randomUUID().toString()} : new String[0];
            CompletableFuture<Shopper.Response> checkingOut = CompletableFuture.supplyAsync(() -> late.post(
                    "/api/checkouts", "{\"shippingAddress\": " + CheckoutTestSteps.ADDRESS + "}", key));
            LockWaits.awaitWaitingForLocks(watcher, 1);
            taker.commit();
            refused = checkingOut.get(30, TimeUnit.SECONDS);
        }

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertRefusedWithAdjustedCart(late, refused, drop, 0);
        assertThat(reserved(drop)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from checkout c join reservation r on r.checkout_id = c.id where r.product_id = :id")
                .param("id", drop.id()).query(Integer.class).single()).as("no checkout holds the unit taken").isZero();
        StockLedger.assertBalanced(jdbc);
    }

    /** The refusal lists the drop with what was left for the shopper, and their cart was lowered to it. */
    private void assertRefusedWithAdjustedCart(Shopper shopper, Shopper.Response refusal, Product drop, int left) {
        assertThat(refusal.code()).isEqualTo("STOCK_CONFLICT");
        JsonNode unavailable = refusal.json().path("unavailable");
        assertThat(unavailable).hasSize(1);
        assertThat(unavailable.get(0).path("productId").asLong()).isEqualTo(drop.id());
        assertThat(unavailable.get(0).path("available").asInt()).isEqualTo(left);
        JsonNode cart = shopper.get("/api/cart").json();
        assertThat(refusal.json().path("cart")).isEqualTo(cart);
        if (left == 0) {
            assertThat(cart.path("items")).isEmpty();
        } else {
            assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(left);
        }
    }

    private int reserved(Product product) {
        return jdbc.sql("select reserved from stock where product_id = :id").param("id", product.id())
                .query(Integer.class).single();
    }
}
