package dev.cartwright.realtime;

import dev.cartwright.cart.CartView;
import dev.cartwright.cart.Carts;
import dev.cartwright.inventory.StockLevels;
import dev.cartwright.shopper.ShopperId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's WebSockets, by the shopper, the cart they show and the products they follow. A change is read
 * once and handed to each connection's {@link Outbox}, which never makes this thread wait.
 */
@Component
class Fanout {

    private final Carts carts;
    private final StockLevels stock;
    private final JsonMapper json;
    private final Map<UUID, Set<Outbox>> byShopper = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Outbox>> byCart = new ConcurrentHashMap<>();
    private final Map<Long, Set<Outbox>> byProduct = new ConcurrentHashMap<>();

    Fanout(Carts carts, StockLevels stock, JsonMapper json) {
        this.carts = carts;
        this.stock = stock;
        this.json = json;
    }

    /** The shopper's connection shows this cart, which is sent to it at once. */
    void showCart(Outbox outbox, ShopperId shopper, CartView cart) {
        byShopper.computeIfAbsent(shopper.value(), id -> ConcurrentHashMap.newKeySet()).add(outbox);
        byCart.computeIfAbsent(cart.id(), id -> ConcurrentHashMap.newKeySet()).add(outbox);
        outbox.cart(cartMessage(cart));
    }

    void follow(Outbox outbox, Set<Long> productIds) {
        byProduct.values().forEach(outboxes -> outboxes.remove(outbox));
        productIds.forEach(id -> byProduct.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(outbox));
    }

    void forget(Outbox outbox) {
        byShopper.values().forEach(outboxes -> outboxes.remove(outbox));
        byCart.values().forEach(outboxes -> outboxes.remove(outbox));
        byProduct.values().forEach(outboxes -> outboxes.remove(outbox));
    }

    void push(Changes changes) {
        for (UUID shopperId : changes.shoppers()) {
            Set<Outbox> outboxes = byShopper.getOrDefault(shopperId, Set.of());
            if (!outboxes.isEmpty()) {
                ShopperId shopper = new ShopperId(shopperId);
                CartView now = carts.view(shopper);
                outboxes.forEach(outbox -> {
                    byCart.values().forEach(shown -> shown.remove(outbox));
                    showCart(outbox, shopper, now);
                });
            }
        }
        for (UUID cartId : changes.carts()) {
            Set<Outbox> outboxes = byCart.getOrDefault(cartId, Set.of());
            if (!outboxes.isEmpty()) {
                carts.view(cartId).map(this::cartMessage).ifPresent(message -> outboxes.forEach(outbox -> outbox.cart(message)));
            }
        }
        Set<Long> followed = changes.products().stream().filter(id -> !byProduct.getOrDefault(id, Set.of()).isEmpty())
                .collect(Collectors.toSet());
        if (!followed.isEmpty()) {
            stock.available(followed).forEach((productId, available) -> {
                TextMessage message = text(Map.of("type", "stock", "productId", productId, "available", available));
                byProduct.getOrDefault(productId, Set.of()).forEach(outbox -> outbox.stock(productId, message));
            });
        }
    }

    /** Idle connections are kept open through proxies that close quiet ones. */
    @Scheduled(fixedDelay = 25_000)
    void ping() {
        byCart.values().stream().flatMap(Set::stream).distinct().forEach(outbox -> {
            if (outbox.session().isOpen()) {
                outbox.ping();
            } else {
                forget(outbox);
            }
        });
    }

    private TextMessage cartMessage(CartView cart) {
        return text(Map.of("type", "cart", "cart", cart));
    }

    private TextMessage text(Object message) {
        return new TextMessage(json.writeValueAsString(message));
    }
}
