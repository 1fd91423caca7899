package dev.cartwright.shopper;

import dev.cartwright.platform.RetentionTask;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets guests (never accounts) who have stayed away longer than the retention and left nothing that matters:
 * no order, no open checkout, no payment to look into, a cart nobody has touched since. Whether that is so is read from
 * the cart, checkout and order tables; what they keep of the guest goes by {@link GuestsForgotten}.
 */
@Component
class AbandonedGuests implements RetentionTask {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ShopperSettings settings;

    AbandonedGuests(JdbcClient jdbc, ApplicationEventPublisher events, ShopperSettings settings) {
        this.jdbc = jdbc;
        this.events = events;
        this.settings = settings;
    }

    @Override
    public String rows() {
        return "abandoned guests, with their carts";
    }

    @Override
    @Transactional
    public int forget(int limit) {
        List<UUID> ids = jdbc.sql("""
                        select s.id from shopper s
                         where s.last_seen_at < now() - make_interval(secs => :retention)
                           and not exists (select 1 from account a where a.shopper_id = s.id)
                           and not exists (select 1 from customer_order o where o.shopper_id = s.id)
                           and not exists (select 1 from checkout k where k.shopper_id = s.id
                                              and (k.status in ('RESERVED', 'PAYMENT_PENDING', 'PAID')
                                                   or exists (select 1 from payment_anomaly a where a.checkout_id = k.id)))
                           and not exists (select 1 from cart_member m where m.shopper_id = s.id
                                              and m.joined_at >= now() - make_interval(secs => :retention))
                           and not exists (select 1 from cart c where c.owner_id = s.id
                                              and (c.updated_at >= now() - make_interval(secs => :retention)
                                                   or exists (select 1 from checkout k
                                                               where k.cart_id = c.id and k.shopper_id <> s.id)))
                         order by s.last_seen_at
                         limit :limit
                           for update of s skip locked
                        """)
                .param("retention", settings.guestRetention().toSeconds())
                .param("limit", limit)
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return 0;
        }
        events.publishEvent(new GuestsForgotten(ids));
        return jdbc.sql("delete from shopper where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }
}
