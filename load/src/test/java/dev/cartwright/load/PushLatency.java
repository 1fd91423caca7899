package dev.cartwright.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.http.action.ws.WsInboundMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How long after a shopper was told "reserved" each socket following the product shows it.
 *
 * <p>The stock message carries no time of its commit, so this is measured from the client
 * side: every reservation takes one unit, so once k checkouts have answered 201 at least k units
 * are reserved, and the k-th answer (in time order) is the moment by which "available &le;
 * units - k" was committed. A socket shows that sale when it first receives an available at or
 * below it (pushes are batched, so one message may show several). The latency is that
 * receipt minus the k-th answer, taken as zero when the push came first.
 */
final class PushLatency {

    private record Heard(long at, int available) {}

    private final Map<Long, List<Heard>> bySocket = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> reservedAt = new ConcurrentLinkedQueue<>();

    void reserved(long atMillis) {
        reservedAt.add(atMillis);
    }

    /** Gatling's buffered messages of one socket, each stamped when it arrived. */
    void heard(long socket, List<WsInboundMessage> messages, int productId) {
        List<Heard> heard = bySocket.computeIfAbsent(socket, absent -> new ArrayList<>());
        for (WsInboundMessage message : messages) {
            if (message instanceof WsInboundMessage.Text text) {
                JsonNode json = read(text.message());
                if ("stock".equals(json.path("type").asText()) && json.path("productId").asInt() == productId) {
                    heard.add(new Heard(text.timestamp(), json.path("available").asInt()));
                }
            }
        }
    }

    /** Samples are per socket and sale; a sale a socket never showed counts as missed. */
    Map<String, Object> figures(int units) {
        long[] answers = reservedAt.stream().mapToLong(Long::longValue).sorted().toArray();
        Samples samples = new Samples();
        long missed = 0;
        for (List<Heard> heard : bySocket.values()) {
            for (int k = 1; k <= answers.length; k++) {
                int shown = units - k;
                long receivedAt = heard.stream().filter(h -> h.available() <= shown).mapToLong(Heard::at).min().orElse(-1);
                if (receivedAt < 0) {
                    missed++;
                } else {
                    samples.add(Math.max(0, receivedAt - answers[k - 1]));
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("sockets", bySocket.size());
        figures.put("missed", missed);
        figures.putAll(samples.figures());
        return figures;
    }

    private static JsonNode read(String text) {
        try {
            return Bench.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
