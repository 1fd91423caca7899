package dev.cartwright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With DATABASE_URL the service uses that PostgreSQL, migrates it and starts no database of its
 * own; it refuses to start without the settings that several nodes must share.
 */
class ExternalDatabaseTest {

    @Test
    void aPostgresUrlSelectsAnotherServer() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(TestDatabase.newDataDir())
                .setCleanDataDirectory(true)
                .start()) {
            String url = "postgres://postgres:postgres@localhost:" + external.getPort() + "/postgres";
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CartwrightApplication.class)
                    .run("--server.port=0", "--cartwright.database.url=" + url, "--cartwright.admin.token=external-admin")) {
                Shopper shopper = new Shopper(URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port")));

                long productId = shopper.get("/api/products?limit=1").json().path("items").get(0).path("id").asLong();
                assertThat(shopper.post("/api/cart/items", "{\"productId\": " + productId + ", \"quantity\": 1}").status())
                        .isEqualTo(200);
                assertThat(service.getBeanProvider(EmbeddedPostgres.class).getIfAvailable()).isNull();
            }
            try (var connection = external.getPostgresDatabase().getConnection();
                    var rows = connection.createStatement().executeQuery("select count(*) from cart_item")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }

            // Several nodes may share this database, and each would otherwise make up its own admin token.
            assertThatThrownBy(() -> new SpringApplicationBuilder(CartwrightApplication.class)
                    .run("--server.port=0", "--cartwright.database.url=" + url).close())
                    .hasStackTraceContaining("CARTWRIGHT_ADMIN_TOKEN is not set");
        }
    }
}
