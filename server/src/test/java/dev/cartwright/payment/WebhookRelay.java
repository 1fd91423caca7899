package dev.cartwright.payment;

import com.sun.net.httpserver.HttpServer;
import dev.cartwright.Shopper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shop's webhook address coming back: an HTTP server on the port the simulated provider
 * delivers to, passing each webhook on to the service as it came and its answer back, and
 * counting what arrived by event id.
 */
final class WebhookRelay implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    private WebhookRelay(HttpServer server) {
        this.server = server;
    }

    static WebhookRelay start(int port, URI service) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            WebhookRelay relay = new WebhookRelay(server);
            server.createContext("/api/payments/webhook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                relay.deliveries.computeIfAbsent(Shopper.JSON.readTree(body).path("id").asString(), id -> new AtomicInteger())
                        .incrementAndGet();
                HttpRequest.Builder forward = HttpRequest.newBuilder(service.resolve("/api/payments/webhook"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
                if (signature != null) {
                    forward.header(WebhookSignature.HEADER, signature);
                }
                try {
                    HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                    exchange.getResponseBody().write(answer.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    exchange.sendResponseHeaders(503, -1);
                } finally {
                    exchange.close();
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many times the webhook of this event id arrived. */
    int deliveries(String eventId) {
        AtomicInteger count = deliveries.get(eventId);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
