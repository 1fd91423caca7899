package dev.cartwright.catalog;

import dev.cartwright.inventory.StockLevels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalog ({@code catalog/demo-catalog.json}): seeded into an empty store at start-up,
 * with pictures drawn by {@link ProductArt}. A third of it is scarce (1 to 3 units), so that
 * stock conflicts are easy to show.
 */
@Component
@Order(0)
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    record Entry(String sku, String name, String description, long unitPrice, int stock, String motif) {

        String imageUrl() {
            return "/images/demo/" + sku + ".svg";
        }
    }

    private final Map<String, Entry> entries;
    private final Products products;
    private final StockLevels stock;
    private final JdbcClient jdbc;
    private final boolean seed;

    DemoCatalog(JsonMapper json, Products products, StockLevels stock, JdbcClient jdbc, CatalogSettings settings) {
        this.entries = load(json).stream()
                .collect(Collectors.toMap(Entry::sku, Function.identity(), (first, second) -> first, LinkedHashMap::new));
        this.products = products;
        this.stock = stock;
        this.jdbc = jdbc;
        this.seed = settings.seedDemo();
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean empty = !jdbc.sql("select exists (select 1 from product)").query(Boolean.class).single();
        if (!seed || !empty) {
            return;
        }
        // Seeding is idempotent by sku, so nodes starting together on one new database agree.
        for (Entry entry : entries.values()) {
            Product product = products.addIfAbsent(
                    entry.sku(), entry.name(), entry.description(), entry.unitPrice(), entry.imageUrl());
            stock.stockNew(product.id(), entry.stock());
        }
        log.info("Seeded the demo catalog: {} products", entries.size());
    }

    Optional<Entry> entry(String sku) {
        return Optional.ofNullable(entries.get(sku));
    }

    private static List<Entry> load(JsonMapper json) {
        try (InputStream in = new ClassPathResource("catalog/demo-catalog.json").getInputStream()) {
            return json.readValue(in, new TypeReference<List<Entry>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("The demo catalog is part of the jar", e);
        }
    }
}
