package dev.cartwright.realtime;

import dev.cartwright.cart.CartView;
import dev.cartwright.cart.Carts;
import dev.cartwright.inventory.StockLevel;
import dev.cartwright.inventory.StockLevels;
import dev.cartwright.shopper.SessionId;
import dev.cartwright.shopper.ShopperId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's WebSockets, by their shopper, the cart they show and the products they follow.
 * A shopper who joins, leaves or is removed from a shared cart is shown their new cart; a
 * connection of a guest who signed in, or of a session that signed out, is closed, to connect again. A change is read
 * once and handed to each connection's {@link Outbox}, which never makes this thread wait.
 * The indexes hold only what open connections follow: an entry nobody follows is dropped, so a
 * client that subscribes to ever new products costs no more than its current subscription.
 */
@Component
class Fanout {

    private final Carts carts;
    private final StockLevels stock;
    private final JsonMapper json;
    private final Map<UUID, Set<Outbox>> byShopper = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Outbox>> byCart = new ConcurrentHashMap<>();
    private final Map<Long, Set<Outbox>> byProduct = new ConcurrentHashMap<>();
    /** What each connection is indexed under, so that leaving removes exactly that. */
    private final Map<Outbox, Followed> connections = new ConcurrentHashMap<>();
    /** Connections open, subscribe and close seldom; pushes read the indexes without this lock. */
    private final Object changing = new Object();

    private record Followed(UUID shopperId, UUID cartId, Set<Long> productIds) {}

    /** How many entries each index holds; tests check that they shrink again. */
    record Sizes(int connections, int shoppers, int carts, int products) {}

    /** The browser signed in or out: it connects again, with the cookie it has now. */
    static final CloseStatus IDENTITY_ENDED = new CloseStatus(4001, "signed in or out, connect again");

    Fanout(Carts carts, StockLevels stock, JsonMapper json) {
        this.carts = carts;
        this.stock = stock;
        this.json = json;
    }

    /** The shopper's connection shows this cart from now on (a new one, or another than before), sent at once. */
    void showCart(Outbox outbox, ShopperId shopper, CartView cart) {
        synchronized (changing) {
            Followed before = connections.get(outbox);
            if (before != null) {
                remove(byCart, before.cartId(), outbox);
            }
            connections.put(outbox, new Followed(shopper.value(), cart.id(), before == null ? Set.of() : before.productIds()));
            add(byShopper, shopper.value(), outbox);
            add(byCart, cart.id(), outbox);
        }
        outbox.cart(cart.id(), cart.version(), cartMessage(cart));
    }

    /**
     * The connection follows these products now, and no others; it gets the current stock of
     * those it did not follow before. Read after it is listed, so a change committed meanwhile
     * reaches it either in that read or in a push, and the versions sort out which is newer.
     */
    void follow(Outbox outbox, Set<Long> productIds) {
        Set<Long> added;
        synchronized (changing) {
            Followed before = connections.get(outbox);
            if (before == null) {
                return; // closed while its message was being read
            }
            before.productIds().stream().filter(id -> !productIds.contains(id)).forEach(id -> remove(byProduct, id, outbox));
            added = productIds.stream().filter(id -> !before.productIds().contains(id)).collect(Collectors.toSet());
            added.forEach(id -> add(byProduct, id, outbox));
            connections.put(outbox, new Followed(before.shopperId(), before.cartId(), Set.copyOf(productIds)));
        }
        stock.levels(added).values().forEach(level -> outbox.stock(level.productId(), level.version(), stockMessage(level)));
    }

    void forget(Outbox outbox) {
        synchronized (changing) {
            Followed before = connections.remove(outbox);
            if (before != null) {
                remove(byShopper, before.shopperId(), outbox);
                remove(byCart, before.cartId(), outbox);
                before.productIds().forEach(id -> remove(byProduct, id, outbox));
            }
        }
    }

    Sizes sizes() {
        synchronized (changing) {
            return new Sizes(connections.size(), byShopper.size(), byCart.size(), byProduct.size());
        }
    }

    /** Sends every connection the current state of its cart and of the products it follows. */
    void resync() {
        push(new Changes(Set.copyOf(byCart.keySet()), Set.copyOf(byProduct.keySet()), Set.of()));
    }

    void push(Changes changes) {
        changes.signedInGuests().forEach(guest -> byShopper.getOrDefault(guest, Set.of()).stream()
                .filter(outbox -> session(outbox) == null)
                .forEach(outbox -> outbox.close(IDENTITY_ENDED)));
        if (!changes.signedOutSessions().isEmpty()) {
            connections.keySet().stream()
                    .filter(outbox -> changes.signedOutSessions().contains(session(outbox)))
                    .forEach(outbox -> outbox.close(IDENTITY_ENDED));
        }
        for (UUID shopperId : changes.shoppers()) {
            Set<Outbox> outboxes = byShopper.getOrDefault(shopperId, Set.of());
            if (!outboxes.isEmpty()) {
                ShopperId shopper = new ShopperId(shopperId);
                CartView now = carts.view(shopper);
                outboxes.forEach(outbox -> showCart(outbox, shopper, now));
            }
        }
        for (UUID cartId : changes.carts()) {
            Set<Outbox> outboxes = byCart.getOrDefault(cartId, Set.of());
            if (!outboxes.isEmpty()) {
                carts.view(cartId).ifPresent(cart -> {
                    TextMessage message = cartMessage(cart);
                    outboxes.forEach(outbox -> outbox.cart(cart.id(), cart.version(), message, changes.committedAt()));
                });
            }
        }
        Set<Long> followed = changes.products().stream().filter(byProduct::containsKey).collect(Collectors.toSet());
        if (!followed.isEmpty()) {
            stock.levels(followed).values().forEach(level -> {
                TextMessage message = stockMessage(level);
                byProduct.getOrDefault(level.productId(), Set.of())
                        .forEach(outbox -> outbox.stock(level.productId(), level.version(), message, changes.committedAt()));
            });
        }
    }

    /** Idle connections are kept open through proxies that close quiet ones. */
    @Scheduled(fixedDelay = 25_000)
    void ping() {
        connections.keySet().forEach(outbox -> {
            if (outbox.session().isOpen()) {
                outbox.ping();
            } else {
                forget(outbox);
            }
        });
    }

    private static <K> void add(Map<K, Set<Outbox>> index, K key, Outbox outbox) {
        index.computeIfAbsent(key, absent -> ConcurrentHashMap.newKeySet()).add(outbox);
    }

    private static <K> void remove(Map<K, Set<Outbox>> index, K key, Outbox outbox) {
        index.computeIfPresent(key, (present, outboxes) -> {
            outboxes.remove(outbox);
            return outboxes.isEmpty() ? null : outboxes;
        });
    }

    private static @Nullable UUID session(Outbox outbox) {
        return outbox.session().getAttributes().get(SessionId.REQUEST_ATTRIBUTE) instanceof SessionId session
                ? session.value() : null;
    }

    private TextMessage cartMessage(CartView cart) {
        return text(Map.of("type", "cart", "cart", cart));
    }

    private TextMessage stockMessage(StockLevel level) {
        return text(Map.of("type", "stock", "productId", level.productId(), "available", level.available(),
                "version", level.version()));
    }

    private TextMessage text(Object message) {
        return new TextMessage(json.writeValueAsString(message));
    }
}
