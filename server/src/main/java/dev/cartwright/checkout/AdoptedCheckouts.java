package dev.cartwright.checkout;

import dev.cartwright.shopper.GuestSignedIn;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A guest who signs in brings their checkouts, open or closed, to the account. Those made from
 * the guest's own cart now name the account's, where the merge put their lines, so that a payment
 * takes the bought units out of the cart that holds them.
 */
@Component
class AdoptedCheckouts {

    private final JdbcClient jdbc;

    AdoptedCheckouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void adopt(GuestSignedIn signedIn) {
        jdbc.sql("""
                        update checkout k
                           set shopper_id = :account,
                               cart_id = case when k.cart_id = (select id from cart where owner_id = :guest)
                                              then (select id from cart where owner_id = :account) else k.cart_id end
                         where k.shopper_id = :guest
                        """)
                .param("guest", signedIn.guest().value())
                .param("account", signedIn.account().value())
                .update();
    }
}
