package dev.cartwright.inventory;

import dev.cartwright.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators restock (or count down) a product and read its ledger. Guarded by the admin token
 * (platform.EdgeSecurity).
 */
@RestController
class StockAdminController {

    record StockOnHand(@NotNull @Min(0) @Max(1_000_000_000) Integer stockOnHand) {}

    record StockView(long productId, int stockOnHand, int reserved, int available) {}

    /** A page of a product's movements, newest first; {@code nextBefore} asks for the next (null on the last page). */
    record MovementPage(List<StockMovement> items, @Nullable Long nextBefore) {}

    static final int DEFAULT_MOVEMENTS = 50;
    static final int MAX_MOVEMENTS = 200;

    private final StockLevels stock;
    private final StockMovements movements;

    StockAdminController(StockLevels stock, StockMovements movements) {
        this.stock = stock;
        this.movements = movements;
    }

    @GetMapping("/api/admin/products/{id}/movements")
    MovementPage movements(@PathVariable long id, @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "" + DEFAULT_MOVEMENTS) @Min(1) @Max(MAX_MOVEMENTS) int limit) {
        if (stock.levels(List.of(id)).isEmpty()) {
            throw unknownProduct();
        }
        StockMovements.Page page = movements.page(id, before, limit);
        return new MovementPage(page.movements(), page.more() ? page.movements().getLast().id() : null);
    }

    @PutMapping("/api/admin/products/{id}/stock")
    StockView setStock(@PathVariable long id, @Valid @RequestBody StockOnHand body) {
        return switch (stock.setOnHand(id, body.stockOnHand())) {
            case Restock.Restocked done -> new StockView(id, done.onHand(), done.reserved(), done.onHand() - done.reserved());
            case Restock.BelowReserved below -> {
                ProblemDetail problem = Problems.problem(HttpStatus.CONFLICT, "STOCK_BELOW_RESERVED",
                        below.reserved() + " units are reserved for checkouts; stock on hand cannot go below that.");
                problem.setProperty("reserved", below.reserved());
                throw Problems.failure(problem);
            }
            case Restock.UnknownProduct unknown -> throw unknownProduct();
        };
    }

    private static RuntimeException unknownProduct() {
        return Problems.failure(Problems.problem(HttpStatus.NOT_FOUND, "PRODUCT_NOT_FOUND", "This product does not exist."));
    }
}
