package dev.cartwright.catalog;

import dev.cartwright.inventory.StockLevels;
import dev.cartwright.platform.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogController {

    static final int DEFAULT_LIMIT = 24;
    static final int MAX_LIMIT = 100;

    private final Products products;
    private final StockLevels stock;
    private final ProductCursors cursors;
    private final String currency;

    CatalogController(Products products, StockLevels stock, ProductCursors cursors, CatalogSettings settings) {
        this.products = products;
        this.stock = stock;
        this.cursors = cursors;
        this.currency = settings.currency();
    }

    @GetMapping("/api/products")
    ProductPage list(
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "") @Size(max = 100) String q) {
        String query = q.strip();
        long afterId = 0;
        if (cursor != null && !cursor.isEmpty()) {
            OptionalLong last = cursors.read(cursor, query);
            if (last.isEmpty()) {
                throw Problems.failure(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_CURSOR",
                        "This page link is not valid for this search. Start again from the first page."));
            }
            afterId = last.getAsLong();
        }
        List<Product> page = products.page(query, afterId, limit + 1);
        boolean more = page.size() > limit;
        List<Product> shown = more ? page.subList(0, limit) : page;
        Map<Long, Integer> available = stock.available(shown.stream().map(Product::id).toList());
        List<ProductView> items = shown.stream()
                .map(product -> ProductView.of(product, currency, available.getOrDefault(product.id(), 0)))
                .toList();
        String next = more ? cursors.issue(shown.getLast().id(), query) : null;
        return new ProductPage(items, next);
    }

    @GetMapping("/api/products/{id}")
    ProductView one(@PathVariable long id) {
        Product product = products.byId(id).orElseThrow(() -> Problems.failure(Problems.problem(
                HttpStatus.NOT_FOUND, "PRODUCT_NOT_FOUND", "This product does not exist.")));
        return ProductView.of(product, currency, stock.available(product.id()));
    }
}
