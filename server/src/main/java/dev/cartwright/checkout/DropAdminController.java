package dev.cartwright.checkout;

import dev.cartwright.inventory.StockLevel;
import dev.cartwright.inventory.StockMovements;
import dev.cartwright.inventory.StockLevels;
import dev.cartwright.inventory.StockSecond;
import dev.cartwright.platform.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A drop as operators watch it: one product's units reserved, sold, released and refused per
 * second, and the checkouts waiting for payment. Guarded by the admin token (platform.EdgeSecurity).
 */
@RestController
class DropAdminController {

    /** Units reserved, sold and released in the second from {@code at}, and checkouts this node refused for want of it. */
    record DropSecond(Instant at, int reserved, int sold, int released, int refused) {}

    record Drop(long productId, int available, List<DropSecond> series) {}

    record WaitingList(List<WaitingCheckouts.Waiting> items) {}

    private final StockLevels stock;
    private final StockMovements movements;
    private final StockRefusals refusals;
    private final WaitingCheckouts waiting;

    DropAdminController(StockLevels stock, StockMovements movements, StockRefusals refusals, WaitingCheckouts waiting) {
        this.stock = stock;
        this.movements = movements;
        this.refusals = refusals;
        this.waiting = waiting;
    }

    @GetMapping("/api/admin/products/{id}/drop")
    Drop drop(@PathVariable long id,
            @RequestParam(defaultValue = "60") @Min(1) @Max(StockRefusals.SECONDS) int seconds) {
        StockLevel level = level(id);
        Instant now = Instant.now();
        List<StockSecond> moved = movements.lastSeconds(id, seconds, now);
        List<Integer> refused = refusals.lastSeconds(id, seconds, now);
        List<DropSecond> series = new ArrayList<>(seconds);
        for (int i = 0; i < seconds; i++) {
            StockSecond second = moved.get(i);
            series.add(new DropSecond(second.at(), second.reserved(), second.sold(), second.released(), refused.get(i)));
        }
        return new Drop(id, level.available(), series);
    }

    @GetMapping("/api/admin/products/{id}/waiting")
    WaitingList waiting(@PathVariable long id) {
        level(id);
        return new WaitingList(waiting.of(id));
    }

    private StockLevel level(long productId) {
        StockLevel level = stock.levels(List.of(productId)).get(productId);
        if (level == null) {
            throw Problems.failure(Problems.problem(HttpStatus.NOT_FOUND, "PRODUCT_NOT_FOUND", "This product does not exist."));
        }
        return level;
    }
}
