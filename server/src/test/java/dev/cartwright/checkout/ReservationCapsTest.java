package dev.cartwright.checkout;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.available;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.LockWaits;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** No shopper can hoard: at most 5 open checkouts, and of one product no more than a cart line (99). */
class ReservationCapsTest extends ServiceTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void aShopperWithFiveCheckoutsWaitingForPaymentCannotReserveMoreUntilOneIsCancelled() {
        Product product = newProduct("Hoarded Lamp", 2500, 20);
        Shopper hoarder = newShopper();
        add(hoarder, product.id(), 1);
        List<String> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(checkedOutAndPaying(hoarder));
        }

        Shopper.Response refused = checkout(hoarder);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("RESERVATION_LIMIT");
        assertThat(refused.json().path("detail").asString()).contains("Pay for one of them or cancel it");
        assertThat(refused.json().path("limit").asInt()).isEqualTo(5);
        assertThat(refused.json().path("openCheckouts").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(open);
        assertThat(available(hoarder, product)).isEqualTo(15);
        assertThat(openCheckouts(shopperOf(open.getFirst()))).isEqualTo(5);

        assertThat(hoarder.delete("/api/checkouts/" + open.getFirst()).status()).isEqualTo(200);

        assertThat(checkout(hoarder).status()).isEqualTo(201);
        assertThat(available(hoarder, product)).isEqualTo(15);
    }

    @Test
    void checkingOutTheSameCartAgainAtTheCapReplacesItsReservation() {
        Product product = newProduct("Replaced Vase", 4100, 20);
        Shopper shopper = newShopper();
        add(shopper, product.id(), 2);
        for (int i = 0; i < 4; i++) {
            checkedOutAndPaying(shopper);
        }
        String reserved = checkout(shopper).json().path("id").asString();

        Shopper.Response again = checkout(shopper);

        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(shopper.get("/api/checkouts/" + reserved).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(openCheckouts(shopperOf(reserved))).isEqualTo(5);
        assertThat(available(shopper, product)).isEqualTo(10);
    }

    @Test
    void aShopperHoldsNoMoreOfOneProductAcrossCheckoutsThanOneCartLineMay() {
        Product product = newProduct("Hoarded Tickets", 500, 300);
        Shopper hoarder = newShopper();
        add(hoarder, product.id(), 60);
        checkedOutAndPaying(hoarder);

        Shopper.Response refused = checkout(hoarder);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("RESERVATION_LIMIT");
        assertThat(refused.json().path("productId").asLong()).isEqualTo(product.id());
        assertThat(refused.json().path("held").asInt()).isEqualTo(60);
        assertThat(refused.json().path("requested").asInt()).isEqualTo(60);
        assertThat(refused.json().path("limit").asInt()).isEqualTo(99);
        assertThat(refused.json().path("detail").asString()).contains("Hoarded Tickets", "lower the quantity");
        assertThat(available(hoarder, product)).isEqualTo(240);
        JsonNode cart = hoarder.get("/api/cart").json();
        assertThat(cart.path("items").get(0).path("quantity").asInt()).isEqualTo(60);

        String line = cart.path("items").get(0).path("id").asString();
        assertThat(hoarder.put("/api/cart/items/" + line, "{\"quantity\": 39}").status()).isEqualTo(200);
        assertThat(checkout(hoarder).status()).isEqualTo(201);
        assertThat(available(hoarder, product)).isEqualTo(201);
    }

    /**
     * A shopper with four checkouts being paid checks out six carts at once. Nothing here closes
     * a checkout but a replacement, which opens another of the same cart: the open count never
     * goes down, so its final value is the most it ever was.
     */
    @Test
    void concurrentCheckoutsOfSeveralCartsNeverTakeAShopperOverTheCheckoutCap() {
        Product product = newProduct("Race Lantern", 1800, 1000);
        Shopper hoarder = newShopper();
        add(hoarder, product.id(), 1);
        String first = checkedOutAndPaying(hoarder);
        for (int i = 0; i < 3; i++) {
            checkedOutAndPaying(hoarder);
        }
        List<String> invitations = sharedCartsHolding(product, 1);

        List<Shopper.Response> answers = checkingOutEveryCartAtOnce(hoarder, product, invitations);

        assertThat(answers).extracting(Shopper.Response::status).containsOnly(201, 409).contains(201, 409);
        assertThat(answers.stream().filter(answer -> answer.status() == 409).map(Shopper.Response::code))
                .containsOnly("RESERVATION_LIMIT");
        assertThat(openCheckouts(shopperOf(first))).isEqualTo(5);
    }

    /** As above, with 50 units of one product in every cart: two checkouts at once would hold 100. */
    @Test
    void concurrentCheckoutsOfSeveralCartsNeverTakeAShopperOverTheUnitCap() {
        Product product = newProduct("Race Tickets", 700, 1000);
        Shopper hoarder = newShopper();
        add(hoarder, product.id(), 50);
        List<String> invitations = sharedCartsHolding(product, 50);

        List<Shopper.Response> answers = checkingOutEveryCartAtOnce(hoarder, product, invitations);

        assertThat(answers).extracting(Shopper.Response::status).containsOnly(201, 409).contains(201, 409);
        assertThat(answers.stream().filter(answer -> answer.status() == 409).map(Shopper.Response::code))
                .containsOnly("RESERVATION_LIMIT");
        UUID shopper = shopperOf(answers.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow()
                .json().path("id").asString());
        assertThat(jdbc.sql("""
                        select coalesce(sum(l.quantity), 0) from checkout c join checkout_line l on l.checkout_id = c.id
                         where c.shopper_id = :shopper and c.status in ('RESERVED', 'PAYMENT_PENDING')
                        """)
                .param("shopper", shopper)
                .query(Integer.class)
                .single()).isEqualTo(50);
        assertThat(available(hoarder, product)).isEqualTo(950);
    }

    @Test
    void payingAgainAfterADeclineCountsAgainstTheCapsLikeANewCheckout() {
        Product product = newProduct("Hoarded Vase", 2500, 20);
        Shopper hoarder = newShopper();
        add(hoarder, product.id(), 1);
        String declined = checkout(hoarder).json().path("id").asString();
        CheckoutTestSteps.completeOnHostedPage(hoarder, startPayment(hoarder, declined), "declined");
        CheckoutTestSteps.awaitStatus(hoarder, declined, "FAILED");
        for (int i = 0; i < 5; i++) {
            checkedOutAndPaying(hoarder);
        }

        Shopper.Response again = hoarder.post("/api/checkouts/" + declined + "/payment", "{\"method\": \"card\"}");

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("RESERVATION_LIMIT");
        assertThat(available(hoarder, product)).as("nothing more was reserved").isEqualTo(15);
        assertThat(openCheckouts(shopperOf(declined))).isEqualTo(5);
    }

    private String checkedOutAndPaying(Shopper shopper) {
        Shopper.Response created = checkout(shopper);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        startPayment(shopper, id);
        return id;
    }

    /** Five other shoppers' carts, each with the product in it, shared: their invitation tokens. */
    private List<String> sharedCartsHolding(Product product, int quantity) {
        return IntStream.range(0, 5).mapToObj(i -> {
            Shopper owner = newShopper();
            add(owner, product.id(), quantity);
            return owner.post("/api/cart/share", null).json().path("token").asString();
        }).toList();
    }

    /**
     * Checks out each of six carts (the shopper's own, then the shared ones) twice at once, while
     * the product's stock row is held: every checkout that has counted what the shopper holds
     * waits there before it reserves. Without a lock per shopper, the checkouts of different
     * carts would all have counted the same holdings, and all would reserve.
     */
    private List<Shopper.Response> checkingOutEveryCartAtOnce(Shopper shopper, Product product, List<String> invitations) {
        // The threads are closed last, after the held row is let go, so a failure here cannot hang.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
                Connection holder = dataSource.getConnection(); Connection watcher = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select 1 from stock where product_id = ? for update")) {
                lock.setLong(1, product.id());
                lock.execute();
            }
            List<CompletableFuture<Shopper.Response>> checkouts = new ArrayList<>();
            for (int cart = 0; cart <= invitations.size(); cart++) {
                if (cart > 0) {
                    Shopper.Response joined = shopper.post("/api/cart/join",
                            "{\"token\": \"" + invitations.get(cart - 1) + "\"}");
                    assertThat(joined.status()).as(joined.body()).isEqualTo(200);
                }
                for (int twice = 0; twice < 2; twice++) {
                    checkouts.add(CompletableFuture.supplyAsync(() -> checkout(shopper), threads));
                }
                LockWaits.awaitWaitingForLocks(watcher, checkouts.size());
            }
            holder.commit();
            return checkouts.stream().map(CompletableFuture::join).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private UUID shopperOf(String checkoutId) {
        return jdbc.sql("select shopper_id from checkout where id = cast(:id as uuid)")
                .param("id", checkoutId)
                .query(UUID.class)
                .single();
    }

    private int openCheckouts(UUID shopper) {
        return jdbc.sql("select count(*) from checkout where shopper_id = :shopper and status in ('RESERVED', 'PAYMENT_PENDING')")
                .param("shopper", shopper)
                .query(Integer.class)
                .single();
    }
}
