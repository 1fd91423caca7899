package dev.cartwright.order;

import dev.cartwright.platform.Problems;
import dev.cartwright.shopper.ShopperId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    private final Orders orders;
    private final OrderCursors cursors;

    OrderController(Orders orders, OrderCursors cursors) {
        this.orders = orders;
        this.cursors = cursors;
    }

    @GetMapping("/api/orders")
    OrderPage mine(ShopperId shopper, @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
        OrderCursors.Position after = null;
        if (cursor != null && !cursor.isEmpty()) {
            Optional<OrderCursors.Position> read = cursors.read(cursor, shopper.value());
            if (read.isEmpty()) {
                throw Problems.failure(Problems.problem(HttpStatus.BAD_REQUEST, "INVALID_CURSOR",
                        "This page link is not valid for your orders. Start again from the first page."));
            }
            after = read.get();
        }
        Orders.Page page = orders.page(shopper.value(), after, limit);
        OrderView last = page.orders().isEmpty() ? null : page.orders().getLast();
        return new OrderPage(page.orders(), page.more() && last != null
                ? cursors.issue(new OrderCursors.Position(last.createdAt(), last.id()), shopper.value()) : null);
    }

    @GetMapping("/api/orders/{id}")
    OrderView one(ShopperId shopper, @PathVariable UUID id) {
        return orders.find(shopper.value(), id).orElseThrow(() -> Problems.failure(
                Problems.problem(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", "There is no such order of yours.")));
    }
}
