package dev.cartwright.inventory;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.awaitStatus;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.completeOnHostedPage;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.StockLedger;
import dev.cartwright.catalog.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The ledger misses nothing: while shoppers reserve, cancel and pay for the same scarce products
 * and operators restock them, every change lands in stock_movement, so that for every product the
 * ledger replays, movement by movement, to its stock row as it is.
 */
class StockMovementRacesTest extends ServiceTest {

    private static final String[] OPERATOR = {"Authorization", "Bearer " + ADMIN_TOKEN};

    /** A shopper's checkout and what became of it; {@code paid} ones are awaited after the race. */
    private record Outcome(Shopper shopper, @Nullable String checkoutId, boolean paid) {}

    @Test
    void reservationsReleasesSalesAndRestocksRacingAllLandInTheLedger() {
        List<Product> products = IntStream.range(0, 3).mapToObj(i -> newProduct("Ledger Lamp " + i, 3000, 6)).toList();
        List<Shopper> shoppers = IntStream.range(0, 45).mapToObj(i -> newShopper()).toList();
        for (int i = 0; i < shoppers.size(); i++) {
            add(shoppers.get(i), products.get(i % 3).id(), 1 + i % 2);
            if (i % 4 == 0) {
                add(shoppers.get(i), products.get((i + 1) % 3).id(), 1);
            }
        }
        List<Callable<Outcome>> tasks = new ArrayList<>();
        for (int i = 0; i < shoppers.size(); i++) {
            int n = i;
            tasks.add(() -> shop(shoppers.get(n), n % 3));
        }
        for (int i = 0; i < 9; i++) {
            Product product = products.get(i % 3);
            int onHand = 4 + i;
            tasks.add(() -> {
                Shopper.Response restocked = newShopper().put("/api/admin/products/" + product.id() + "/stock",
                        "{\"stockOnHand\": " + onHand + "}", OPERATOR);
                assertThat(restocked.status()).as(restocked.body()).isIn(200, 409);
                return new Outcome(newShopper(), null, false);
            });
        }

        List<Outcome> outcomes = Race.all(tasks);

        outcomes.stream().filter(Outcome::paid).forEach(paid -> awaitStatus(paid.shopper(), paid.checkoutId(), "PAID"));
        assertThat(outcomes.stream().filter(Outcome::paid).count()).isPositive();
        StockLedger.assertBalanced(jdbc);
        for (Product product : products) {
            assertReplays(product.id());
        }
        assertEveryCheckoutsMovementsAreItsOwn(products);
    }

    /** Checks out, then cancels (0), pays (1) or leaves the checkout reserved (2). */
    private static Outcome shop(Shopper shopper, int fate) {
        Shopper.Response created = checkout(shopper);
        assertThat(created.status()).as(created.body()).isIn(201, 409);
        if (created.status() != 201) {
            return new Outcome(shopper, null, false);
        }
        String id = created.json().path("id").asString();
        switch (fate) {
            case 0 -> assertThat(shopper.delete("/api/checkouts/" + id).status()).isEqualTo(200);
            case 1 -> assertThat(completeOnHostedPage(shopper, startPayment(shopper, id), "paid").status()).isEqualTo(303);
            default -> {
            }
        }
        return new Outcome(shopper, id, fate == 1);
    }

    /** Each movement moves the previous one's figures by its quantity, and the last one's are the stock row's. */
    private void assertReplays(long productId) {
        List<Map<String, Object>> movements = jdbc.sql("""
                        select kind, quantity, on_hand_after, reserved_after from stock_movement
                         where product_id = :id order by id
                        """).param("id", productId).query().listOfRows();
        int onHand = 0;
        int reserved = 0;
        for (Map<String, Object> movement : movements) {
            int quantity = (Integer) movement.get("quantity");
            switch ((String) movement.get("kind")) {
                case "RESTOCK" -> onHand += quantity;
                case "RESERVATION" -> {
                    assertThat(quantity).isPositive();
                    reserved += quantity;
                }
                case "RELEASE" -> {
                    assertThat(quantity).isNegative();
                    reserved += quantity;
                }
                case "SALE" -> {
                    assertThat(quantity).isNegative();
                    onHand += quantity;
                    reserved += quantity;
                }
                default -> throw new AssertionError("Unknown movement " + movement);
            }
            assertThat(movement).as("movement after %d on hand, %d reserved", onHand, reserved)
                    .containsEntry("on_hand_after", onHand).containsEntry("reserved_after", reserved);
        }
        Map<String, Object> stock = jdbc.sql("select on_hand, reserved from stock where product_id = :id")
                .param("id", productId).query().singleRow();
        assertThat(stock).containsEntry("on_hand", onHand).containsEntry("reserved", reserved);
    }

    /**
     * What the ledger says each checkout holds is what it holds: its lines while open, nothing once
     * closed; a paid one's sale is its lines. Restocks are nobody's; every other movement names its checkout.
     */
    private void assertEveryCheckoutsMovementsAreItsOwn(List<Product> products) {
        Long[] ids = products.stream().map(Product::id).toArray(Long[]::new);
        assertThat(jdbc.sql("""
                        select count(*) from stock_movement
                         where product_id = any(:ids) and (kind = 'RESTOCK') <> (checkout_id is null)
                        """).param("ids", ids).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from checkout c join checkout_line l on l.checkout_id = c.id
                         where l.product_id = any(:ids)
                           and coalesce((select sum(m.quantity) from stock_movement m
                                          where m.checkout_id = c.id and m.product_id = l.product_id
                                            and m.kind <> 'RESTOCK'), 0)
                               <> case when c.status in ('RESERVED', 'PAYMENT_PENDING') then l.quantity else 0 end
                        """).param("ids", ids).query(Long.class).single()).as("checkouts holding what the ledger says").isZero();
        assertThat(jdbc.sql("""
                        select count(*) from checkout c join checkout_line l on l.checkout_id = c.id
                         where l.product_id = any(:ids) and c.status = 'PAID'
                           and coalesce((select -sum(m.quantity) from stock_movement m
                                          where m.checkout_id = c.id and m.product_id = l.product_id
                                            and m.kind = 'SALE'), 0) <> l.quantity
                        """).param("ids", ids).query(Long.class).single()).as("paid checkouts sold their lines").isZero();
    }
}
