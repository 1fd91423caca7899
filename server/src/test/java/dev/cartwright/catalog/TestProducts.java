package dev.cartwright.catalog;

import dev.cartwright.inventory.StockLevels;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Products that a test makes for itself, through the same code that seeds the catalog. */
public final class TestProducts {

    private TestProducts() {}

    public static Product create(ApplicationContext context, String name, long unitPrice, int stock) {
        String sku = "test-" + UUID.randomUUID();
        Product product = context.getBean(Products.class)
                .addIfAbsent(sku, name, name + ", made for a test.", unitPrice, "/images/test/" + sku + ".svg");
        context.getBean(StockLevels.class).stockNew(product.id(), stock);
        return product;
    }
}
