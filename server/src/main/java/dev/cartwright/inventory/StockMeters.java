package dev.cartwright.inventory;

import dev.cartwright.platform.CachedReading;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Units held by open checkouts, read from the stock rows at most once per
 * {@link CachedReading#FRESH_FOR}: {@code cartwright.stock.reserved.units} for the whole shop and
 * {@code cartwright.stock.reserved} tagged {@code product} for the {@value #MOST_PRODUCTS} products
 * with the most units reserved, so the series stay bounded whatever the size of the catalog. A
 * product shows from the scrape after its units were first read, and goes when none are reserved.
 */
@Component
class StockMeters {

    static final int MOST_PRODUCTS = 100;

    private record Reserved(long units, Map<Long, Integer> byProduct) {}

    private final JdbcClient jdbc;
    private final MultiGauge byProduct;
    private final CachedReading<Reserved> reading = new CachedReading<>(this::read);

    StockMeters(MeterRegistry meters, JdbcClient jdbc) {
        this.jdbc = jdbc;
        // Registered first, so a scrape reads the stock (and lists its products) before it writes the products' series.
        Gauge.builder("cartwright.stock.reserved.units", reading, now -> now.get().units())
                .description("Units held by open checkouts, all products").strongReference(true).register(meters);
        this.byProduct = MultiGauge.builder("cartwright.stock.reserved")
                .description("Units held by open checkouts, for the products with the most").register(meters);
    }

    private Reserved read() {
        long units = jdbc.sql("select coalesce(sum(reserved), 0) from stock").query(Long.class).single();
        Map<Long, Integer> most = jdbc.sql("""
                        select product_id, reserved from stock
                         where reserved > 0
                         order by reserved desc, product_id
                         limit :most
                        """)
                .param("most", MOST_PRODUCTS)
                .query((rs, row) -> Map.entry(rs.getLong("product_id"), rs.getInt("reserved")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        byProduct.register(most.keySet().stream()
                .map(product -> MultiGauge.Row.of(Tags.of("product", Long.toString(product)), reading,
                        now -> now.get().byProduct().getOrDefault(product, 0)))
                .toList(), false);
        return new Reserved(units, most);
    }
}
