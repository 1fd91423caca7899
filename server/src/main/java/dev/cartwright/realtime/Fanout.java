package dev.cartwright.realtime;

import dev.cartwright.cart.Carts;
import dev.cartwright.inventory.StockLevels;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * This node's WebSockets, by the cart they show and the products they follow. A change is read
 * once and sent to each; a slow connection's sends are bounded (see RealtimeSocket), so it
 * never holds up the others.
 */
@Component
class Fanout {

    private static final Logger log = LoggerFactory.getLogger(Fanout.class);

    private final Carts carts;
    private final StockLevels stock;
    private final JsonMapper json;
    private final Map<UUID, Set<WebSocketSession>> byCart = new ConcurrentHashMap<>();
    private final Map<Long, Set<WebSocketSession>> byProduct = new ConcurrentHashMap<>();

    Fanout(Carts carts, StockLevels stock, JsonMapper json) {
        this.carts = carts;
        this.stock = stock;
        this.json = json;
    }

    void showCart(WebSocketSession session, UUID cartId) {
        byCart.computeIfAbsent(cartId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void follow(WebSocketSession session, Set<Long> productIds) {
        byProduct.values().forEach(sessions -> sessions.remove(session));
        productIds.forEach(id -> byProduct.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(session));
    }

    void forget(WebSocketSession session) {
        byCart.values().forEach(sessions -> sessions.remove(session));
        byProduct.values().forEach(sessions -> sessions.remove(session));
    }

    void push(Changes changes) {
        for (UUID cartId : changes.carts()) {
            Set<WebSocketSession> sessions = byCart.getOrDefault(cartId, Set.of());
            if (!sessions.isEmpty()) {
                carts.view(cartId).ifPresent(cart -> send(sessions, Map.of("type", "cart", "cart", cart)));
            }
        }
        Set<Long> followed = changes.products().stream().filter(id -> !byProduct.getOrDefault(id, Set.of()).isEmpty())
                .collect(Collectors.toSet());
        if (!followed.isEmpty()) {
            stock.available(followed).forEach((productId, available) -> send(byProduct.getOrDefault(productId, Set.of()),
                    Map.of("type", "stock", "productId", productId, "available", available)));
        }
    }

    /** Idle connections are kept open through proxies that close quiet ones. */
    @Scheduled(fixedDelay = 25_000)
    void ping() {
        byCart.values().stream().flatMap(Set::stream).distinct().forEach(session -> {
            try {
                session.sendMessage(new PingMessage());
            } catch (IOException | RuntimeException e) {
                forget(session);
            }
        });
    }

    private void send(Set<WebSocketSession> sessions, Object message) {
        TextMessage text = new TextMessage(json.writeValueAsString(message));
        for (WebSocketSession session : sessions) {
            try {
                session.sendMessage(text);
            } catch (IOException | RuntimeException e) {
                log.debug("Dropping WebSocket {}: {}", session.getId(), e.toString());
                forget(session);
            }
        }
    }
}
