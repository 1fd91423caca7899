package dev.cartwright.order;

import dev.cartwright.shopper.GuestSignedIn;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A guest who signs in finds the orders they placed as a guest under the account. */
@Component
class AdoptedOrders {

    private final JdbcClient jdbc;

    AdoptedOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void adopt(GuestSignedIn signedIn) {
        jdbc.sql("update customer_order set shopper_id = :account where shopper_id = :guest")
                .param("guest", signedIn.guest().value())
                .param("account", signedIn.account().value())
                .update();
    }
}
