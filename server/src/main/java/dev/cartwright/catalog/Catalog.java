package dev.cartwright.catalog;

import dev.cartwright.inventory.StockLevel;
import dev.cartwright.inventory.StockLevels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Pages of products as the storefront shows them, with live availability and the next page's cursor. */
@Service
public class Catalog {

    public static final int DEFAULT_LIMIT = 24;

    private final Products products;
    private final StockLevels stock;
    private final ProductCursors cursors;
    private final String currency;

    Catalog(Products products, StockLevels stock, ProductCursors cursors, CatalogSettings settings) {
        this.products = products;
        this.stock = stock;
        this.cursors = cursors;
        this.currency = settings.currency();
    }

    public ProductPage firstPage() {
        return page("", 0, DEFAULT_LIMIT);
    }

    ProductPage page(String query, long afterId, int limit) {
        List<Product> page = products.page(query, afterId, limit + 1);
        boolean more = page.size() > limit;
        List<Product> shown = more ? page.subList(0, limit) : page;
        Map<Long, StockLevel> levels = stock.levels(shown.stream().map(Product::id).toList());
        List<ProductView> items = shown.stream()
                .map(product -> ProductView.of(product, currency, levels.get(product.id())))
                .toList();
        String next = more ? cursors.issue(shown.getLast().id(), query) : null;
        return new ProductPage(items, next);
    }

    public Optional<ProductView> product(long id) {
        return products.byId(id).map(product -> ProductView.of(product, currency, stock.levels(List.of(id)).get(id)));
    }
}
