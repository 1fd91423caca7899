package dev.cartwright.catalog;

import dev.cartwright.inventory.StockLevel;
import org.jspecify.annotations.Nullable;

/**
 * A product as the storefront shows it, with how many units can be bought right now and the
 * version of that figure ({@code stockVersion}), which a client compares with pushed stock.
 */
public record ProductView(long id, String name, String description, long unitPrice, String currency, String imageUrl,
        int available, long stockVersion) {

    static ProductView of(Product product, String currency, @Nullable StockLevel stock) {
        return new ProductView(product.id(), product.name(), product.description(), product.unitPrice(), currency,
                product.imageUrl(), stock == null ? 0 : stock.available(), stock == null ? 0 : stock.version());
    }
}
