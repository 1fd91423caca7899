package dev.cartwright.cart;

import dev.cartwright.shopper.GuestsForgotten;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A forgotten guest's cart goes with them, and so do its invitations and its members' places in it. */
@Component
class ForgottenCarts {

    private final JdbcClient jdbc;

    ForgottenCarts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(2)
    void forget(GuestsForgotten guests) {
        UUID[] ids = guests.shopperIds().toArray(UUID[]::new);
        jdbc.sql("""
                        with carts as (select id from cart where owner_id = any(:ids)),
                             members as (delete from cart_member
                                          where shopper_id = any(:ids) or cart_id in (select id from carts)),
                             shares as (delete from cart_share where cart_id in (select id from carts))
                        delete from cart where id in (select id from carts)
                        """)
                .param("ids", ids)
                .update();
    }
}
