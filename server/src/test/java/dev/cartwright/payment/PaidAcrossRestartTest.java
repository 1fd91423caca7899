package dev.cartwright.payment;

import static dev.cartwright.checkout.CheckoutTestSteps.add;
import static dev.cartwright.checkout.CheckoutTestSteps.awaitStatus;
import static dev.cartwright.checkout.CheckoutTestSteps.checkout;
import static dev.cartwright.checkout.CheckoutTestSteps.completeOnHostedPage;
import static dev.cartwright.checkout.CheckoutTestSteps.startPayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.CartwrightApplication;
import dev.cartwright.Shopper;
import dev.cartwright.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A payment the provider took while the shop was going down is not lost: the shop that comes back gets it. */
class PaidAcrossRestartTest {

    @Test
    void aPaymentTakenBeforeTheShopStoppedBecomesAnOrderAfterItStartsAgain() throws IOException {
        Path dataDir = TestDatabase.newDataDir();
        int port = freePort();
        Shopper shopper;
        String checkoutId;
        // The shop's address is where it will listen after the restart; until then nothing answers there.
        try (ConfigurableApplicationContext first = start(dataDir, 0, port)) {
            shopper = new Shopper(uri(first));
            long productId = shopper.get("/api/products?limit=1").json().path("items").get(0).path("id").asLong();
            add(shopper, productId, 1);
            checkoutId = checkout(shopper).json().path("id").asString();
            String page = startPayment(shopper, checkoutId);

            assertThat(completeOnHostedPage(shopper, page, "paid").status()).isEqualTo(303);

            JdbcClient jdbc = first.getBean(JdbcClient.class);
            String sessionId = page.substring(page.lastIndexOf('/') + 1);
            assertThat(jdbc.sql("select status from simulated_payment_session where id = :id").param("id", sessionId)
                    .query(String.class).single()).isEqualTo("PAID");
            assertThat(jdbc.sql("select status from simulated_webhook_delivery where cast(body as jsonb) -> 'data' ->> 'sessionId' = :id")
                    .param("id", sessionId).query(String.class).single()).isEqualTo("PENDING");
            assertThat(shopper.get("/api/checkouts/" + checkoutId).json().path("status").asString()).isEqualTo("PAYMENT_PENDING");
        }

        try (ConfigurableApplicationContext again = start(dataDir, port, port)) {
            Shopper back = shopper.at(uri(again));
            String orderId = awaitStatus(back, checkoutId, "PAID").path("orderId").asString();

            assertThat(back.get("/api/orders/" + orderId).status()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, int port, int webhookPort) {
        return new SpringApplicationBuilder(CartwrightApplication.class)
                .run("--server.port=" + port, "--cartwright.database.url=", "--cartwright.database.data-dir=" + dataDir,
                        "--cartwright.payment.webhook-url=http://127.0.0.1:" + webhookPort + "/api/payments/webhook",
                        "--cartwright.payment.outbox-interval=PT0.1S", "--cartwright.payment.retry-first=PT0.1S",
                        "--cartwright.payment.retry-max=PT0.5S");
    }

    private static URI uri(ConfigurableApplicationContext context) {
        return URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
