package dev.cartwright.realtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the sockets of this node carry: {@code cartwright.websocket.connections}, the messages
 * written ({@code cartwright.websocket.messages.sent}, by {@code type}) and those never written
 * ({@code cartwright.websocket.messages.dropped}: {@code superseded} by a newer state while
 * waiting, or lost with a connection closed as unreliable), and {@code cartwright.push.latency},
 * from the commit of a change to the socket write of a message showing it.
 */
@Component
class RealtimeMeters {

    enum Kind { CART, STOCK, PING }

    private final Counter sentCarts;
    private final Counter sentStock;
    private final Counter superseded;
    private final Counter unreliable;
    private final Timer latency;

    RealtimeMeters(MeterRegistry meters, Fanout fanout) {
        Gauge.builder("cartwright.websocket.connections", fanout, sockets -> sockets.sizes().connections())
                .description("WebSockets open on this node").register(meters);
        sentCarts = sent(meters, "cart");
        sentStock = sent(meters, "stock");
        superseded = dropped(meters, "superseded");
        unreliable = dropped(meters, "unreliable");
        latency = Timer.builder("cartwright.push.latency")
                .description("From the commit of a change to the write of a message showing it to a socket")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
    }

    /** A message was written; one that shows a change committed at {@code committedAt} (epoch ms) times its push. */
    void sent(Kind kind, @Nullable Long committedAt) {
        switch (kind) {
            case CART -> sentCarts.increment();
            case STOCK -> sentStock.increment();
            case PING -> {
                return;
            }
        }
        if (committedAt != null) {
            // Another node's clock may be a little ahead of this one's: a push takes no less than nothing.
            latency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - committedAt)));
        }
    }

    void superseded() {
        superseded.increment();
    }

    void unreliable(int messages) {
        unreliable.increment(messages);
    }

    private static Counter sent(MeterRegistry meters, String type) {
        return Counter.builder("cartwright.websocket.messages.sent").description("Messages written to this node's sockets")
                .tag("type", type).register(meters);
    }

    private static Counter dropped(MeterRegistry meters, String reason) {
        return Counter.builder("cartwright.websocket.messages.dropped")
                .description("Messages never written: superseded while waiting, or lost with an unreliable connection")
                .tag("reason", reason).register(meters);
    }
}
