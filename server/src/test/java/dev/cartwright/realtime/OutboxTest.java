package dev.cartwright.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** The far end of a WebSocket is outside the system; a stand-in lets a test make it slow at will. */
class OutboxTest {

    private final CountDownLatch firstSendStarted = new CountDownLatch(1);

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
        Outbox slow = new Outbox(peer(slowReceived, slowPeerReads));
        Outbox fast = new Outbox(peer(fastReceived, new CountDownLatch(0)));

        slow.cart(new TextMessage("cart v1"));
        assertThat(firstSendStarted.await(5, TimeUnit.SECONDS)).isTrue();
        slow.cart(new TextMessage("cart v2"));
        slow.cart(new TextMessage("cart v3"));
        slow.stock(7, new TextMessage("stock 7: 5 left"));
        slow.stock(7, new TextMessage("stock 7: 4 left"));
        fast.cart(new TextMessage("cart v3"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (fastReceived.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(fastReceived).containsExactly("cart v3");
        assertThat(slowReceived).isEmpty();

        slowPeerReads.countDown();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slowReceived.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        assertThat(slowReceived).containsExactly("cart v1", "cart v3", "stock 7: 4 left");
    }
}
