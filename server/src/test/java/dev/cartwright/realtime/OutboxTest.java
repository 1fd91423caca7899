package dev.cartwright.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** The far end of a WebSocket is outside the system; a stand-in lets a test make it slow at will. */
class OutboxTest {

    private static final UUID CART = UUID.randomUUID();

    private final CountDownLatch firstSendStarted = new CountDownLatch(1);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RealtimeMeters meters = new RealtimeMeters(registry, mock(Fanout.class));

    private WebSocketSession peer(List<String> received, CountDownLatch slowUntil) throws Exception {
        WebSocketSession session = mock(WebSocketSession.class);
        when(session.isOpen()).thenReturn(true);
        when(session.getId()).thenReturn("peer");
        doAnswer(call -> {
            firstSendStarted.countDown();
            slowUntil.await(10, TimeUnit.SECONDS);
            received.add(String.valueOf(((WebSocketMessage<?>) call.getArgument(0)).getPayload()));
            return null;
        }).when(session).sendMessage(any());
        return session;
    }

    @Test
    void aSlowConnectionGetsOnlyTheNewestStateAndHoldsUpNoOtherConnection() throws Exception {
        CountDownLatch slowPeerReads = new CountDownLatch(1);
        List<String> slowReceived = new CopyOnWriteArrayList<>();
        List<String> fastReceived = new CopyOnWriteArrayList<>();
        Outbox slow = new Outbox(peer(slowReceived, slowPeerReads), meters);
        Outbox fast = new Outbox(peer(fastReceived, new CountDownLatch(0)), meters);

        slow.cart(CART, 1, new TextMessage("cart v1"));
        assertThat(firstSendStarted.await(5, TimeUnit.SECONDS)).isTrue();
        slow.cart(CART, 2, new TextMessage("cart v2"));
        slow.cart(CART, 3, new TextMessage("cart v3"));
        slow.stock(7, 5, new TextMessage("stock 7: 5 left"));
        slow.stock(7, 6, new TextMessage("stock 7: 4 left"));
        fast.cart(CART, 3, new TextMessage("cart v3"));

        awaitAtLeast(fastReceived, 1);
        assertThat(fastReceived).containsExactly("cart v3");
        assertThat(slowReceived).isEmpty();

        slowPeerReads.countDown();
        awaitAtLeast(slowReceived, 3);
        Thread.sleep(100); // nothing more arrives
        assertThat(slowReceived).containsExactly("cart v1", "cart v3", "stock 7: 4 left");
    }

    @Test
    void aStateReadEarlierButArrivingLaterNeverReplacesANewerOneStillWaiting() throws Exception {
        CountDownLatch peerReads = new CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(peer(received, peerReads), meters);

        outbox.cart(CART, 1, new TextMessage("cart v1"));
        assertThat(firstSendStarted.await(5, TimeUnit.SECONDS)).isTrue();
        outbox.cart(CART, 4, new TextMessage("cart v4"));
        outbox.cart(CART, 3, new TextMessage("cart v3"));
        outbox.stock(7, 9, new TextMessage("stock 7 v9"));
        outbox.stock(7, 8, new TextMessage("stock 7 v8"));
        peerReads.countDown();

        awaitAtLeast(received, 3);
        Thread.sleep(100); // nothing more arrives
        assertThat(received).containsExactly("cart v1", "cart v4", "stock 7 v9");
    }

    @Test
    void anotherCartReplacesTheWaitingOneWhateverItsVersion() throws Exception {
        CountDownLatch peerReads = new CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(peer(received, peerReads), meters);

        outbox.cart(CART, 1, new TextMessage("cart v1"));
        assertThat(firstSendStarted.await(5, TimeUnit.SECONDS)).isTrue();
        outbox.cart(CART, 7, new TextMessage("own cart v7"));
        outbox.cart(UUID.randomUUID(), 2, new TextMessage("joined cart v2"));
        peerReads.countDown();

        awaitAtLeast(received, 2);
        Thread.sleep(100); // nothing more arrives
        assertThat(received).containsExactly("cart v1", "joined cart v2");
    }

    @Test
    void messagesReplacedWhileWaitingAreCountedAsDroppedAndTheWrittenOnesAsSentWithTheirLatency() throws Exception {
        CountDownLatch peerReads = new CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(peer(received, peerReads), meters);
        long committedAt = System.currentTimeMillis();

        outbox.cart(CART, 1, new TextMessage("cart v1"), committedAt);
        assertThat(firstSendStarted.await(5, TimeUnit.SECONDS)).isTrue();
        outbox.cart(CART, 2, new TextMessage("cart v2"), committedAt);
        outbox.cart(CART, 3, new TextMessage("cart v3"), committedAt);
        outbox.stock(7, 5, new TextMessage("stock 7 v5"), committedAt);
        outbox.stock(7, 4, new TextMessage("stock 7 v4"), committedAt);
        outbox.stock(8, 1, new TextMessage("stock 8 v1"));
        peerReads.countDown();

        awaitAtLeast(received, 4);
        Thread.sleep(100); // nothing more arrives
        assertThat(received).containsExactly("cart v1", "cart v3", "stock 7 v5", "stock 8 v1");
        assertThat(count("cartwright.websocket.messages.dropped", "reason", "superseded")).isEqualTo(2);
        assertThat(count("cartwright.websocket.messages.sent", "type", "cart")).isEqualTo(2);
        assertThat(count("cartwright.websocket.messages.sent", "type", "stock")).isEqualTo(2);
        // The stock of product 8 shows no change (a subscription's first state): it is not timed.
        assertThat(registry.get("cartwright.push.latency").timer().count()).isEqualTo(3);
    }

    @Test
    void whatWaitsForAConnectionThatFailsIsCountedAsDroppedAsUnreliable() throws Exception {
        WebSocketSession failing = mock(WebSocketSession.class);
        when(failing.isOpen()).thenReturn(true);
        when(failing.getId()).thenReturn("failing");
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(call -> {
            firstSendStarted.countDown();
            release.await(10, TimeUnit.SECONDS);
            throw new IOException("broken pipe");
        }).when(failing).sendMessage(any());
        Outbox outbox = new Outbox(failing, meters);

        outbox.cart(CART, 1, new TextMessage("cart v1"));
        assertThat(firstSendStarted.await(5, TimeUnit.SECONDS)).isTrue();
        outbox.cart(CART, 2, new TextMessage("cart v2"));
        outbox.stock(7, 1, new TextMessage("stock 7 v1"));
        release.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (count("cartwright.websocket.messages.dropped", "reason", "unreliable") < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(count("cartwright.websocket.messages.dropped", "reason", "unreliable")).isEqualTo(3);
        assertThat(count("cartwright.websocket.messages.sent", "type", "cart")).isZero();
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag(tag, value).counter().count();
    }

    /** Waits (five seconds at most) until the peer has received this many messages. */
    private static void awaitAtLeast(List<String> received, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
