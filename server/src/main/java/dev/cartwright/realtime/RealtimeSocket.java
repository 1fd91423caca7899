package dev.cartwright.realtime;

import dev.cartwright.cart.Carts;
import dev.cartwright.catalog.Products;
import dev.cartwright.shopper.ShopperId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DataAccessException;
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
 * A malformed message closes the connection with 1007; too many products, products that are
 * not in the catalog, or more messages than the rate limit allows with 1008.
 */
@Component
class RealtimeSocket extends TextWebSocketHandler {

    private static final String OUTBOX = "outbox";
    private static final String MESSAGES = "messages";
    /**
     * When the database cannot answer in time (a drop's crowd holds every connection), the socket is
     * closed as "try again later": the storefront reconnects after a pause and polls meanwhile.
     */
    private static final CloseStatus TRY_AGAIN_LATER = CloseStatus.SERVICE_OVERLOAD.withReason("busy, try again");

    private final Carts carts;
    private final Products products;
    private final Fanout fanout;
    private final JsonMapper json;
    private final int maxSubscriptions;
    private final Bandwidth messageRate;
    private final RealtimeMeters meters;

    RealtimeSocket(Carts carts, Products products, Fanout fanout, JsonMapper json, RealtimeSettings settings,
            RealtimeMeters meters) {
        this.carts = carts;
        this.products = products;
        this.fanout = fanout;
        this.json = json;
        this.maxSubscriptions = settings.maxSubscriptions();
        this.messageRate = Bandwidth.builder().capacity(settings.subscribeBurst())
                .refillGreedy(1, settings.subscribeRefill()).build();
        this.meters = meters;
    }

    /** What a client's message asks for: products to follow, or to be closed. */
    private sealed interface Request {
        record Follow(Set<Long> productIds) implements Request {}
        record Refuse(CloseStatus status) implements Request {}
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        if (!(session.getAttributes().get(ShopperId.REQUEST_ATTRIBUTE) instanceof ShopperId shopper)) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("no shopper"));
            return;
        }
        Outbox outbox = new Outbox(session, meters);
        session.getAttributes().put(OUTBOX, outbox);
        session.getAttributes().put(MESSAGES, Bucket.builder().addLimit(messageRate).build());
        try {
            fanout.showCart(outbox, shopper, carts.view(shopper));
        } catch (DataAccessException busy) {
            session.close(TRY_AGAIN_LATER);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Outbox outbox = (Outbox) session.getAttributes().get(OUTBOX);
        // Counted before anything is read: each message may cost a query, and the storefront
        // subscribes only when the products it shows change.
        if (!((Bucket) session.getAttributes().get(MESSAGES)).tryConsume(1)) {
            outbox.close(CloseStatus.POLICY_VIOLATION.withReason("too many messages"));
            return;
        }
        try {
            switch (request(message)) {
                case Request.Follow(Set<Long> productIds) -> fanout.follow(outbox, productIds);
                case Request.Refuse(CloseStatus status) -> outbox.close(status);
            }
        } catch (DataAccessException busy) {
            outbox.close(TRY_AGAIN_LATER);
        }
    }

    private Request request(TextMessage message) {
        JsonNode received;
        try {
            received = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            return new Request.Refuse(CloseStatus.BAD_DATA.withReason("malformed JSON"));
        }
        JsonNode ids = received.path("productIds");
        if (!"subscribe".equals(received.path("type").asString("")) || !ids.isArray()) {
            return new Request.Refuse(CloseStatus.BAD_DATA.withReason("expected {type: subscribe, productIds: [...]}"));
        }
        if (ids.size() > maxSubscriptions) {
            return new Request.Refuse(CloseStatus.POLICY_VIOLATION.withReason("at most " + maxSubscriptions + " products"));
        }
        Set<Long> productIds = new HashSet<>();
        for (JsonNode id : ids) {
            if (!id.canConvertToLong() || !id.isIntegralNumber()) {
                return new Request.Refuse(CloseStatus.BAD_DATA.withReason("product ids are numbers"));
            }
            productIds.add(id.asLong());
        }
        Set<Long> known = products.existing(productIds);
        return productIds.stream().filter(id -> !known.contains(id)).min(Long::compare)
                .<Request>map(unknown -> new Request.Refuse(CloseStatus.POLICY_VIOLATION.withReason("unknown product " + unknown)))
                .orElseGet(() -> new Request.Follow(productIds));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(OUTBOX) instanceof Outbox outbox) {
            fanout.forget(outbox);
        }
    }
}
