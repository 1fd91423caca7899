package dev.cartwright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartwright.payment.PaymentProvider;
import dev.cartwright.payment.PaymentRequest;
import dev.cartwright.payment.PaymentSession;
import dev.cartwright.payment.PaymentStatus;
import dev.cartwright.payment.RefundOutcome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * With DATABASE_URL the service uses that PostgreSQL, migrates it and starts no database of its
 * own; it refuses to start without the settings that several nodes must share, and without a
 * payment provider, since the simulated one is only the embedded demo's default.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExternalDatabaseTest {

    private static EmbeddedPostgres external;
    private static String url;

    @BeforeAll
    static void startExternalDatabase() throws Exception {
        external = EmbeddedPostgres.builder().setDataDirectory(TestDatabase.newDataDir()).setCleanDataDirectory(true).start();
        url = "postgres://postgres:postgres@localhost:" + external.getPort() + "/postgres";
    }

    @AfterAll
    static void stopExternalDatabase() throws Exception {
        external.close();
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... settings) {
        return builder.run(Stream.concat(Stream.of("--server.port=0", "--cartwright.database.url=" + url),
                Stream.of(settings)).toArray(String[]::new));
    }

    private static ConfigurableApplicationContext start(String... settings) {
        return start(new SpringApplicationBuilder(CartwrightApplication.class), settings);
    }

    private static Shopper shopperOf(ConfigurableApplicationContext service) {
        return new Shopper(URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port")));
    }

    private static long firstProduct(Shopper shopper) {
        return shopper.get("/api/products?limit=1").json().path("items").get(0).path("id").asLong();
    }

    @Test
    void aPostgresUrlSelectsAnotherServer() throws Exception {
        try (ConfigurableApplicationContext service = start("--cartwright.admin.token=external-admin",
                "--cartwright.payment.provider=simulated")) {
            Shopper shopper = shopperOf(service);

            assertThat(shopper.post("/api/cart/items", "{\"productId\": " + firstProduct(shopper) + ", \"quantity\": 1}")
                    .status()).isEqualTo(200);
            assertThat(service.getBeanProvider(EmbeddedPostgres.class).getIfAvailable()).isNull();
            assertThat(countInExternal("select count(*) from cart_item where cart_id = '%s'"
                    .formatted(shopper.get("/api/cart").json().path("id").asString()))).isEqualTo(1);
        }
    }

    private static int countInExternal(String sql) throws Exception {
        try (var connection = external.getPostgresDatabase().getConnection();
                var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void withoutAnAdminTokenItRefusesToStart(CapturedOutput output) {
        // Several nodes may share this database, and each would otherwise make up its own admin token.
        assertThatThrownBy(() -> start("--cartwright.payment.provider=simulated").close())
                .hasStackTraceContaining("CARTWRIGHT_ADMIN_TOKEN is not set");
        StartupFailuresTest.assertRefused(output.getAll(), "CARTWRIGHT_ADMIN_TOKEN is not set",
                "Set CARTWRIGHT_ADMIN_TOKEN to a long random secret");
    }

    @Test
    void withoutAPaymentProviderItRefusesToStartRatherThanTakeTheDemosOne(CapturedOutput output) {
        assertThatThrownBy(() -> start("--cartwright.admin.token=external-admin").close())
                .hasStackTraceContaining("CARTWRIGHT_PAYMENT_PROVIDER is not set")
                .hasStackTraceContaining("there is no real provider yet");
        StartupFailuresTest.assertRefused(output.getAll(), "CARTWRIGHT_PAYMENT_PROVIDER is not set",
                "set CARTWRIGHT_PAYMENT_PROVIDER=simulated");
        assertThatThrownBy(() -> start("--cartwright.admin.token=external-admin", "--cartwright.payment.provider=stripe")
                .close())
                .hasStackTraceContaining("CARTWRIGHT_PAYMENT_PROVIDER is 'stripe', and this service has no provider of that name");
    }

    @Test
    void aProviderPluggedInAtThePortLeavesNoSimulatedPage() throws Exception {
        PaymentProvider elsewhere = new PaymentProvider() {
            @Override
            public PaymentSession start(PaymentRequest request) {
                return new PaymentSession("es_" + request.checkoutId(), URI.create("https://pay.example/es_" + request.checkoutId()));
            }

            @Override
            public PaymentStatus status(String sessionId) {
                return new PaymentStatus.Closed("not asked in this test");
            }

            @Override
            public RefundOutcome refund(String sessionId, long amount, String currency, String idempotencyKey) {
                return new RefundOutcome.Refused("not asked in this test");
            }
        };
        SpringApplicationBuilder withProvider = new SpringApplicationBuilder(CartwrightApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(PaymentProvider.class, () -> elsewhere));

        try (ConfigurableApplicationContext service = start(withProvider, "--cartwright.admin.token=external-admin",
                "--cartwright.payment.provider=elsewhere")) {
            Shopper shopper = shopperOf(service);
            shopper.post("/api/cart/items", "{\"productId\": " + firstProduct(shopper) + ", \"quantity\": 1}");
            String checkoutId = shopper.post("/api/checkouts", """
                    {"shippingAddress": {"name": "Ada Lovelace", "line1": "12 St James's Square", "city": "London",
                     "postalCode": "SW1Y 4JH", "country": "GB"}}""").json().path("id").asString();

            Shopper.Response payment = shopper.post("/api/checkouts/" + checkoutId + "/payment", "{\"method\": \"card\"}");

            assertThat(payment.json().path("redirectUrl").asString()).isEqualTo("https://pay.example/es_" + checkoutId);
            for (Shopper.Response absent : List.of(shopper.get("/pay/es_" + checkoutId),
                    shopper.post("/pay/es_" + checkoutId + "/complete", "{\"outcome\": \"paid\"}"))) {
                assertThat(absent.status()).isEqualTo(404);
                assertThat(absent.contentType()).startsWith("application/problem+json");
                assertThat(absent.code()).isEqualTo("NOT_FOUND");
            }
            assertThat(shopper.get("/api/checkouts/" + checkoutId).json().path("status").asString())
                    .isEqualTo("PAYMENT_PENDING");
            assertThat(countInExternal("select count(*) from simulated_payment_session where checkout_id = '%s'"
                    .formatted(checkoutId))).isZero();
        }
    }
}
