package dev.cartwright.catalog;

/** A product as the storefront shows it, with how many units can be bought right now. */
public record ProductView(long id, String name, String description, long unitPrice, String currency, String imageUrl,
        int available) {

    static ProductView of(Product product, String currency, int available) {
        return new ProductView(product.id(), product.name(), product.description(), product.unitPrice(), currency,
                product.imageUrl(), available);
    }
}
