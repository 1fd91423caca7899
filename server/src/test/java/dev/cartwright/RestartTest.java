package dev.cartwright;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database keeps its data directory: stopping and starting the store loses no cart. */
class RestartTest {

    @Test
    void aRestartOnTheSameDataDirectoryKeepsEveryCartAndSeedsOnlyOnce() {
        Path dataDir = TestDatabase.newDataDir();
        List<Shopper> shoppers = new ArrayList<>();
        List<String> cartsBefore = new ArrayList<>();
        long productsBefore;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            URI node = uri(first);
            long productId = new Shopper(node).get("/api/products?limit=3").json().path("items").get(2).path("id").asLong();
            for (int i = 1; i <= 3; i++) {
                Shopper shopper = new Shopper(node);
                assertThat(shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": %d}".formatted(productId, 1)).status())
                        .isEqualTo(200);
                shoppers.add(shopper);
                cartsBefore.add(shopper.get("/api/cart").body());
            }
            productsBefore = count(first, "product");
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            URI node = uri(second);
            for (int i = 0; i < shoppers.size(); i++) {
                assertThat(shoppers.get(i).at(node).get("/api/cart").body()).isEqualTo(cartsBefore.get(i));
            }
            assertThat(count(second, "product")).isEqualTo(productsBefore);
            assertThat(second.getEnvironment().getProperty("cartwright.database.data-dir")).isEqualTo(dataDir.toString());
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Arguments, not default properties: those would lose to application.properties.
        return new SpringApplicationBuilder(CartwrightApplication.class)
                .run("--server.port=0", "--cartwright.database.url=", "--cartwright.database.data-dir=" + dataDir);
    }

    private static URI uri(ConfigurableApplicationContext context) {
        return URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static long count(ConfigurableApplicationContext context, String table) {
        return context.getBean(JdbcClient.class).sql("select count(*) from " + table).query(Long.class).single();
    }
}
