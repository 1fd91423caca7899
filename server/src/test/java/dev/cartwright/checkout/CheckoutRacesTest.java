package dev.cartwright.checkout;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.awaitStatus;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.completeOnHostedPage;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Race;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The invariant above all: concurrent checkouts sell exactly the stock there is, and never deadlock. */
class CheckoutRacesTest extends ServiceTest {

    @Test
    void twoHundredShoppersCheckingOutTenUnitsGetExactlyTenReservations() {
        Product scarce = newProduct("Race Sneaker", 12000, 10);
        List<Shopper> shoppers = IntStream.range(0, 200).mapToObj(i -> newShopper()).toList();
        shoppers.forEach(shopper -> assertThat(add(shopper, scarce.id(), 1).status()).isEqualTo(200));

        List<Shopper.Response> answers = Race.run(shoppers.size(), i -> checkout(shoppers.get(i)));

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Shopper.Response::status, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(10);
        assertThat(byStatus.get(409)).isEqualTo(190);
        assertThat(answers.stream().filter(answer -> answer.status() == 409).map(Shopper.Response::code)).containsOnly("STOCK_CONFLICT");
        assertStockAddsUp(scarce);
        assertThat(reserved(scarce)).isEqualTo(10);
    }

    @Test
    void overlappingMultiLineCheckoutsNeverDeadlockNorOversellAndPayingSellsExactlyWhatWasReserved() {
        List<Product> products = IntStream.range(0, 5).mapToObj(i -> newProduct("Overlap " + i, 1000 + i, 12)).toList();
        Random random = new Random(42);
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Shopper shopper = newShopper();
            List<Product> mine = new ArrayList<>(products);
            Collections.shuffle(mine, random);
            for (Product product : mine.subList(0, 2 + random.nextInt(3))) {
                add(shopper, product.id(), 1 + random.nextInt(3));
            }
            shoppers.add(shopper);
        }

        List<Shopper.Response> answers = Race.run(shoppers.size(), i -> checkout(shoppers.get(i)));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(201, 409));
        products.forEach(this::assertStockAddsUp);

        List<Integer> winners = IntStream.range(0, answers.size()).filter(i -> answers.get(i).status() == 201).boxed().toList();
        assertThat(winners).isNotEmpty();
        Map<Long, Integer> reservedBefore = products.stream().collect(Collectors.toMap(Product::id, this::reserved));
        Race.run(winners.size(), i -> {
            Shopper shopper = shoppers.get(winners.get(i));
            String id = answers.get(winners.get(i)).json().path("id").asString();
            completeOnHostedPage(shopper, startPayment(shopper, id), "paid");
            return awaitStatus(shopper, id, "PAID");
        });
        for (Product product : products) {
            assertThat(reserved(product)).isZero();
            assertThat(onHand(product)).isEqualTo(12 - reservedBefore.get(product.id()));
        }
    }

    @Test
    void fiftyConcurrentPaymentsWithACouponLimitedToFiveRedeemItExactlyFiveTimes() {
        String code = "RACE" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("insert into coupon (code, kind, amount, usage_limit) values (:code, 'FIXED', 500, 5)").param("code", code).update();
        Product product = newProduct("Coupon Race Cap", 3000, 100);
        List<Shopper> shoppers = IntStream.range(0, 50).mapToObj(i -> newShopper()).toList();
        List<String> checkouts = shoppers.stream().map(shopper -> {
            add(shopper, product.id(), 1);
            Shopper.Response created = checkout(shopper, code);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return created.json().path("id").asString();
        }).toList();

        List<Shopper.Response> starts = Race.run(50, i -> shoppers.get(i)
                .post("/api/checkouts/" + checkouts.get(i) + "/payment", "{\"method\": \"card\"}"));

        assertThat(starts.stream().filter(start -> start.status() == 200)).hasSize(5);
        assertThat(starts.stream().filter(start -> start.status() == 409).map(Shopper.Response::code))
                .hasSize(45).containsOnly("COUPON_WITHDRAWN");
        Race.run(50, i -> {
            Shopper shopper = shoppers.get(i);
            completeOnHostedPage(shopper, startPayment(shopper, checkouts.get(i)), "paid");
            return awaitStatus(shopper, checkouts.get(i), "PAID");
        });
        assertThat(jdbc.sql("select uses from coupon where code = :code").param("code", code).query(Integer.class).single())
                .isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from coupon_redemption where code = :code").param("code", code)
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from customer_order where coupon_code = :code and discount = 500")
                .param("code", code).query(Integer.class).single()).isEqualTo(5);
        assertThat(onHand(product)).isEqualTo(50);
    }

    /** reserved equals the reservations held, and never exceeds what is on hand. */
    private void assertStockAddsUp(Product product) {
        int held = jdbc.sql("select coalesce(sum(quantity), 0) from reservation where product_id = :id")
                .param("id", product.id()).query(Integer.class).single();
        int byOpenCheckouts = jdbc.sql("""
                        select coalesce(sum(l.quantity), 0) from checkout_line l join checkout c on c.id = l.checkout_id
                         where l.product_id = :id and c.status in ('RESERVED', 'PAYMENT_PENDING')
                        """)
                .param("id", product.id()).query(Integer.class).single();
        assertThat(reserved(product)).isEqualTo(held).isEqualTo(byOpenCheckouts).isLessThanOrEqualTo(onHand(product));
    }

    private int reserved(Product product) {
        return jdbc.sql("select reserved from stock where product_id = :id").param("id", product.id()).query(Integer.class).single();
    }

    private int onHand(Product product) {
        return jdbc.sql("select on_hand from stock where product_id = :id").param("id", product.id()).query(Integer.class).single();
    }
}
