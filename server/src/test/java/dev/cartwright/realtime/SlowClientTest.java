package dev.cartwright.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that stops reading fills its own buffers, and nobody else's screen waits for it. */
class SlowClientTest extends ServiceTest {

    /** Opens /ws for the shopper and then never reads again, like a frozen phone. */
    private Socket frozenClient(Shopper shopper) throws Exception {
        Socket socket = new Socket("localhost", port);
        socket.setReceiveBufferSize(4096);
        String key = Base64.getEncoder().encodeToString("cartwright-slow!".getBytes(StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\nCookie: " + shopper.cookieHeader()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] status = new byte[12];
        assertThat(in.readNBytes(status, 0, 12)).isEqualTo(12);
        assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");
        return socket;
    }

    @Test
    void aClientThatStopsReadingDoesNotDelayOneThatReads() throws Exception {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            products.add(newProduct("Slow Client Product With A Long Name To Make Carts Large " + i, 1000 + i, 10_000));
        }
        Shopper shopper = newShopper();
        for (Product product : products) {
            shopper.post("/api/cart/items", "{\"productId\": " + product.id() + ", \"quantity\": 1}");
        }
        long line = shopper.get("/api/cart").json().path("items").get(0).path("id").asLong();
        try (Socket frozen = frozenClient(shopper)) {
            LiveSocket reading = new LiveSocket(shopper, shopper.base(), null);
            reading.await(message -> message.path("type").asString().equals("cart"), 5);

            // Each cart is ~20 KB: 400 of them are far more than the frozen client's buffers take.
            for (int quantity = 2; quantity <= 400; quantity++) {
                shopper.put("/api/cart/items/" + line, "{\"quantity\": " + (quantity % 99 + 1) + "}");
            }
            long lastVersion = shopper.get("/api/cart").json().path("version").asLong();

            long started = System.nanoTime();
            reading.await(message -> message.path("cart").path("version").asLong() == lastVersion, 10);
            System.out.printf("the reading client had the last cart %d ms after the last change%n",
                    (System.nanoTime() - started) / 1_000_000);
            reading.close();
        }
    }
}
