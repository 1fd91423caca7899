package dev.cartwright;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stops while the service runs: every call answers 503 DATABASE_UNAVAILABLE with
 * Retry-After, never a 500, and once PostgreSQL is back the service serves again by itself.
 */
class DatabaseOutageTest {

    @Test
    void whileTheDatabaseIsDownCallsAnswer503AndAfterItIsBackTheyWorkWithoutARestart() throws Exception {
        Path dataDir = TestDatabase.newDataDir();
        EmbeddedPostgres database = start(dataDir, 0);
        int port = database.getPort();
        String url = "postgres://postgres:postgres@localhost:" + port + "/postgres";
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CartwrightApplication.class)
                .run("--server.port=0", "--cartwright.database.url=" + url, "--cartwright.admin.token=outage",
                        "--cartwright.payment.provider=simulated", "--cartwright.database.connection-timeout=PT1S")) {
            URI node = URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port"));
            Shopper shopper = new Shopper(node);
            long productId = shopper.get("/api/products?limit=1").json().path("items").get(0).path("id").asLong();
            assertThat(shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(productId)).status())
                    .isEqualTo(200);
            String before = shopper.get("/api/cart").body();

            database.close();
            List<Shopper.Response> during = new ArrayList<>();
            during.add(shopper.get("/api/cart"));
            during.add(shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(productId)));
            during.add(shopper.get("/api/products?limit=3"));
            during.add(new Shopper(node).post("/api/cart/items", "{\"productId\": %d, \"quantity\": 1}".formatted(productId)));
            for (Shopper.Response answer : during) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                assertThat(answer.code()).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(answer.header("Retry-After")).isPresent();
            }

            database = start(dataDir, port);
            Shopper.Response after = shopper.get("/api/cart");
            for (int tries = 0; after.status() != 200 && tries < 50; tries++) {
                Thread.sleep(200);
                after = shopper.get("/api/cart");
            }
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body()).as("nothing acknowledged was lost, nothing refused was applied").isEqualTo(before);
        } finally {
            database.close();
        }
    }

    private static EmbeddedPostgres start(Path dataDir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }
}
