package dev.cartwright.inventory;

import dev.cartwright.platform.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators restock (or count down) a product. Guarded by the admin token (platform.AdminAccess). */
@RestController
class StockAdminController {

    record StockOnHand(@NotNull @Min(0) @Max(1_000_000_000) Integer stockOnHand) {}

    record StockView(long productId, int stockOnHand, int reserved, int available) {}

    private final StockLevels stock;

    StockAdminController(StockLevels stock) {
        this.stock = stock;
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
            case Restock.UnknownProduct unknown -> throw Problems.failure(Problems.problem(
                    HttpStatus.NOT_FOUND, "PRODUCT_NOT_FOUND", "This product does not exist."));
        };
    }
}
