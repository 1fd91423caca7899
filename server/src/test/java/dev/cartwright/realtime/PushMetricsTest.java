package dev.cartwright.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.Scrape;
import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import org.junit.jupiter.api.Test;

/** The sockets' metrics, scraped while a real socket is pushed a real change. */
class PushMetricsTest extends ServiceTest {

    private static final String LATENCY = "cartwright_push_latency_seconds_count";

    @Test
    void aPushToASocketIsCountedAndTimedFromTheCommitOfItsChange() throws Exception {
        Product product = newProduct("Pushed Teapot", 2900, 5);
        Shopper shopper = newShopper();
        shopper.get("/api/cart");
        Scrape before = Scrape.of(newShopper(), ADMIN_TOKEN);
        LiveSocket socket = new LiveSocket(shopper, shopper.base(), null);
        socket.await(message -> message.path("type").asString().equals("cart"), 5);
        Scrape connected = Scrape.of(newShopper(), ADMIN_TOKEN);
        assertThat(connected.value("cartwright_websocket_connections"))
                .isEqualTo(before.value("cartwright_websocket_connections") + 1);
        // The cart the socket opens with shows no change: it is sent, not timed.
        assertThat(connected.value(LATENCY)).isEqualTo(before.value(LATENCY));

        assertThat(shopper.put("/api/cart/products/" + product.id(), "{\"quantity\": 2}").status()).isEqualTo(200);
        socket.await(message -> message.path("type").asString().equals("cart")
                && message.path("cart").path("items").size() == 1, 5);

        Scrape pushed = Scrape.of(newShopper(), ADMIN_TOKEN);
        assertThat(pushed.value(LATENCY)).isGreaterThanOrEqualTo(connected.value(LATENCY) + 1);
        assertThat(pushed.value("cartwright_push_latency_seconds_bucket", "le", "+Inf")).isEqualTo(pushed.value(LATENCY));
        assertThat(pushed.value("cartwright_websocket_messages_sent_total", "type", "cart"))
                .isGreaterThanOrEqualTo(before.value("cartwright_websocket_messages_sent_total", "type", "cart") + 2);
        socket.close();
    }
}
