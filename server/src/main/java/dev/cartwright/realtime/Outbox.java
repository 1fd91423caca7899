package dev.cartwright.realtime;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * What waits to be sent to one connection, bounded: one cart (a newer one replaces an older one
 * still waiting), one stock message per followed product (likewise), one ping. Its own virtual
 * thread sends, one message at a time, so a slow client holds up nobody but itself. States read
 * at nearly the same time can arrive here in either order; an older one never replaces a newer.
 */
final class Outbox {

    /**
     * A state waiting to be sent, with what tells it from an older one of the same thing, and when
     * the change it shows was committed (epoch ms; null when it shows no change, or an older node sent none).
     */
    private record Waiting(RealtimeMeters.Kind kind, Object of, long version, WebSocketMessage<?> message,
            @Nullable Long committedAt) {}

    private final WebSocketSession session;
    private final RealtimeMeters meters;
    private @Nullable Waiting cart;
    private final Map<Long, Waiting> stock = new LinkedHashMap<>();
    private boolean ping;
    private @Nullable CloseStatus closing;
    private boolean sending;

    Outbox(WebSocketSession session, RealtimeMeters meters) {
        this.session = session;
        this.meters = meters;
    }

    WebSocketSession session() {
        return session;
    }

    void cart(UUID cartId, long version, TextMessage message) {
        cart(cartId, version, message, null);
    }

    synchronized void cart(UUID cartId, long version, TextMessage message, @Nullable Long committedAt) {
        if (cart != null) {
            meters.superseded(); // the waiting one, or this older one
        }
        if (cart == null || !cart.of().equals(cartId) || cart.version() <= version) {
            cart = new Waiting(RealtimeMeters.Kind.CART, cartId, version, message, committedAt);
            wake();
        }
    }

    void stock(long productId, long version, TextMessage message) {
        stock(productId, version, message, null);
    }

    synchronized void stock(long productId, long version, TextMessage message, @Nullable Long committedAt) {
        Waiting waiting = stock.get(productId);
        if (waiting != null) {
            meters.superseded();
        }
        if (waiting == null || waiting.version() <= version) {
            stock.remove(productId);
            stock.put(productId, new Waiting(RealtimeMeters.Kind.STOCK, productId, version, message, committedAt));
            wake();
        }
    }

    synchronized void ping() {
        ping = true;
        wake();
    }

    /** Closes the connection after what is already waiting, from the same thread that sends. */
    synchronized void close(CloseStatus status) {
        closing = status;
        wake();
    }

    private void wake() {
        if (!sending && session.isOpen()) {
            sending = true;
            Thread.ofVirtual().name("outbox-" + session.getId()).start(this::send);
        }
    }

    private void send() {
        for (Waiting next = next(); next != null; next = next()) {
            try {
                session.sendMessage(next.message());
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    meters.unreliable((next.kind() == RealtimeMeters.Kind.PING ? 0 : 1) + (cart == null ? 0 : 1) + stock.size());
                }
                closeNow(CloseStatus.SESSION_NOT_RELIABLE);
                return;
            }
            meters.sent(next.kind(), next.committedAt());
        }
        CloseStatus status;
        synchronized (this) {
            status = closing;
        }
        if (status != null) {
            closeNow(status);
        }
    }

    private void closeNow(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException ignored) {
            // it is gone either way
        }
        synchronized (this) {
            sending = false;
        }
    }

    private synchronized @Nullable Waiting next() {
        Waiting next = null;
        if (cart != null) {
            next = cart;
            cart = null;
        } else if (!stock.isEmpty()) {
            Iterator<Waiting> first = stock.values().iterator();
            next = first.next();
            first.remove();
        } else if (ping) {
            ping = false;
            next = new Waiting(RealtimeMeters.Kind.PING, "ping", 0, new PingMessage(), null);
        }
        if (next == null) {
            sending = false;
        }
        return next;
    }
}
