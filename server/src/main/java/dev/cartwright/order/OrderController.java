package dev.cartwright.order;

import dev.cartwright.platform.Problems;
import dev.cartwright.shopper.ShopperId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

    private final Orders orders;

    OrderController(Orders orders) {
        this.orders = orders;
    }

    @GetMapping("/api/orders")
    List<OrderView> mine(ShopperId shopper) {
        return orders.ofShopper(shopper.value());
    }

    @GetMapping("/api/orders/{id}")
    OrderView one(ShopperId shopper, @PathVariable UUID id) {
        return orders.find(shopper.value(), id).orElseThrow(() -> Problems.failure(
                Problems.problem(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", "There is no such order of yours.")));
    }
}
