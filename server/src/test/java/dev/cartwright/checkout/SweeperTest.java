package dev.cartwright.checkout;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sweeper expires one checkout per transaction: one it cannot expire holds up none of the others. */
class SweeperTest extends ServiceTest {

    @Autowired
    private Checkouts checkouts;

    @Test
    void aCheckoutThatCannotBeExpiredLeavesTheOthersToBeExpired() {
        String bad = overdueCheckout(newProduct("Sweeper Broken Lamp", 1000, 10));
        Product vase = newProduct("Sweeper Vase", 1000, 10);
        String good = overdueCheckout(vase);
        // A reservation row that says more than the stock row holds: giving it back breaks the stock's CHECK.
        jdbc.sql("update reservation set quantity = quantity + 5 where checkout_id = cast(:id as uuid)").param("id", bad).update();

        checkouts.expireOverdue(100);

        assertThat(status(good)).isEqualTo("EXPIRED");
        assertThat(status(bad)).as("left as it was, to be looked at").isEqualTo("RESERVED");
        assertThat(jdbc.sql("select reserved from stock where product_id = :id").param("id", vase.id()).query(Integer.class).single())
                .as("the good one's stock is back").isZero();
        jdbc.sql("update reservation set quantity = quantity - 5 where checkout_id = cast(:id as uuid)").param("id", bad).update();
    }

    private String overdueCheckout(Product product) {
        Shopper shopper = newShopper();
        add(shopper, product.id(), 1);
        String id = checkout(shopper).json().path("id").asString();
        jdbc.sql("update checkout set expires_at = now() - interval '1 minute' where id = cast(:id as uuid)").param("id", id).update();
        return id;
    }

    private String status(String checkoutId) {
        return jdbc.sql("select status from checkout where id = cast(:id as uuid)").param("id", checkoutId).query(String.class).single();
    }
}
