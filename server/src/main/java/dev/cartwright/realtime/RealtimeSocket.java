package dev.cartwright.realtime;

import dev.cartwright.cart.Carts;
import dev.cartwright.shopper.ShopperId;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
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

    private static final String OUTBOX = "outbox";

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
        Outbox outbox = new Outbox(session);
        session.getAttributes().put(OUTBOX, outbox);
        fanout.showCart(outbox, shopper, carts.view(shopper));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Outbox outbox = outbox(session);
        JsonNode received;
        try {
            received = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            outbox.close(CloseStatus.BAD_DATA.withReason("malformed JSON"));
            return;
        }
        JsonNode ids = received.path("productIds");
        if (!"subscribe".equals(received.path("type").asString("")) || !ids.isArray()) {
            outbox.close(CloseStatus.BAD_DATA.withReason("expected {type: subscribe, productIds: [...]}"));
            return;
        }
        if (ids.size() > maxSubscriptions) {
            outbox.close(CloseStatus.POLICY_VIOLATION.withReason("at most " + maxSubscriptions + " products"));
            return;
        }
        Set<Long> productIds = new HashSet<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong() || !id.isIntegralNumber()) {
                outbox.close(CloseStatus.BAD_DATA.withReason("product ids are numbers"));
                return;
            }
            productIds.add(id.asLong());
        }
        fanout.follow(outbox, productIds);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(OUTBOX) instanceof Outbox outbox) {
            fanout.forget(outbox);
        }
    }

    private static Outbox outbox(WebSocketSession session) {
        return (Outbox) session.getAttributes().get(OUTBOX);
    }
}
