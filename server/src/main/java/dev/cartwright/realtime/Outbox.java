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

    /** A state waiting to be sent, with what tells it from an older one of the same thing. */
    private record Waiting(Object of, long version, TextMessage message) {}

    private final WebSocketSession session;
    private @Nullable Waiting cart;
    private final Map<Long, Waiting> stock = new LinkedHashMap<>();
    private boolean ping;
    private @Nullable CloseStatus closing;
    private boolean sending;

    Outbox(WebSocketSession session) {
        this.session = session;
    }

    WebSocketSession session() {
        return session;
    }

    synchronized void cart(UUID cartId, long version, TextMessage message) {
        if (cart == null || !cart.of().equals(cartId) || cart.version() <= version) {
            cart = new Waiting(cartId, version, message);
            wake();
        }
    }

    synchronized void stock(long productId, long version, TextMessage message) {
        Waiting waiting = stock.get(productId);
        if (waiting == null || waiting.version() <= version) {
            stock.remove(productId);
            stock.put(productId, new Waiting(productId, version, message));
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
        for (WebSocketMessage<?> next = next(); next != null; next = next()) {
            try {
                session.sendMessage(next);
            } catch (IOException | RuntimeException e) {
                closeNow(CloseStatus.SESSION_NOT_RELIABLE);
                return;
            }
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

    private synchronized @Nullable WebSocketMessage<?> next() {
        WebSocketMessage<?> next = null;
        if (cart != null) {
            next = cart.message();
            cart = null;
        } else if (!stock.isEmpty()) {
            Iterator<Waiting> first = stock.values().iterator();
            next = first.next().message();
            first.remove();
        } else if (ping) {
            ping = false;
            next = new PingMessage();
        }
        if (next == null) {
            sending = false;
        }
        return next;
    }
}
