package dev.cartwright.catalog;

import dev.cartwright.inventory.StockLevels;
import dev.cartwright.inventory.StockPosition;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operators' list of every product with its stock. Guarded by the admin token (platform.EdgeSecurity). */
@RestController
class ProductAdminController {

    /** {@code openCheckouts}: checkouts reserved or being paid that hold some of this product. */
    record StockedProduct(long id, String name, int onHand, int reserved, int available, int openCheckouts,
            long stockVersion) {}

    record StockedProducts(List<StockedProduct> items) {}

    private final Products products;
    private final StockLevels stock;

    ProductAdminController(Products products, StockLevels stock) {
        this.products = products;
        this.stock = stock;
    }

    @GetMapping("/api/admin/products")
    StockedProducts all() {
        Map<Long, StockPosition> positions = stock.positions().stream()
                .collect(Collectors.toMap(StockPosition::productId, Function.identity()));
        return new StockedProducts(products.all().stream()
                .map(product -> {
                    StockPosition position = positions.getOrDefault(product.id(), new StockPosition(product.id(), 0, 0, 0, 0));
                    return new StockedProduct(product.id(), product.name(), position.onHand(), position.reserved(),
                            position.available(), position.openCheckouts(), position.version());
                })
                .toList());
    }
}
