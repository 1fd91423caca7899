package dev.cartwright.realtime;

import dev.cartwright.cart.CartView;
import dev.cartwright.cart.Carts;
import dev.cartwright.shopper.ShopperId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws}: a shopper's live view. It starts with their cart, then carries
 * {@code {type:"cart", cart}} after every committed change of it and {@code {type:"stock",
 * productId, available}} for the products it follows ({@code {type:"subscribe", productIds}}).
 * A malformed message closes the connection with 1007; too many products with 1008.
 */
@Component
class RealtimeSocket extends TextWebSocketHandler {

    private static final String SENDER = "sender";
    // A connection that cannot take 256 KiB within 5 s is dropped rather than waited for.
    private static final int SEND_TIME_LIMIT_MS = 5000;
    private static final int BUFFER_LIMIT_BYTES = 256 * 1024;

    private final Carts carts;
    private final Fanout fanout;
    private final JsonMapper json;
    private final int maxSubscriptions;

    RealtimeSocket(Carts carts, Fanout fanout, JsonMapper json, RealtimeSettings settings) {
        this.carts = carts;
        this.fanout = fanout;
        this.json = json;
        this.maxSubscriptions = settings.maxSubscriptions();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (!(session.getAttributes().get(ShopperId.REQUEST_ATTRIBUTE) instanceof ShopperId shopper)) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("no shopper"));
            return;
        }
        WebSocketSession sender = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.DROP);
        session.getAttributes().put(SENDER, sender);
        CartView cart = carts.view(shopper);
        fanout.showCart(sender, cart.id());
        sender.sendMessage(new TextMessage(json.writeValueAsString(Map.of("type", "cart", "cart", cart))));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        JsonNode received;
        try {
            received = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            session.close(CloseStatus.BAD_DATA.withReason("malformed JSON"));
            return;
        }
        JsonNode ids = received.path("productIds");
        if (!"subscribe".equals(received.path("type").asString("")) || !ids.isArray()) {
            session.close(CloseStatus.BAD_DATA.withReason("expected {type: subscribe, productIds: [...]}"));
            return;
        }
        if (ids.size() > maxSubscriptions) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("at most " + maxSubscriptions + " products"));
            return;
        }
        Set<Long> productIds = new HashSet<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong() || !id.isIntegralNumber()) {
                session.close(CloseStatus.BAD_DATA.withReason("product ids are numbers"));
                return;
            }
            productIds.add(id.asLong());
        }
        fanout.follow(sender(session), productIds);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        fanout.forget(sender(session));
    }

    private static WebSocketSession sender(WebSocketSession session) {
        return session.getAttributes().get(SENDER) instanceof WebSocketSession sender ? sender : session;
    }
}
