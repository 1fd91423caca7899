package dev.cartwright.account;

import dev.cartwright.order.OrderSearch;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators find orders by their id or by the email of the account that placed them (guests have
 * none). Guarded by the admin token (platform.EdgeSecurity). It lives here, with the emails, since
 * orders know shoppers but not accounts: account uses order, never the other way round.
 */
@RestController
class OrderAdminController {

    private static final java.util.regex.Pattern UUID_TEXT = java.util.regex.Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    /** {@code email}: the account's, null for a guest's order. Money in minor units of {@code currency}. */
    @Schema(name = "OperatorOrder")
    record FoundOrder(UUID id, Instant createdAt, @Nullable String email, long total, String currency, String status,
            List<OrderSearch.Line> lines) {}

    record FoundOrders(List<FoundOrder> items) {}

    private final OrderSearch search;
    private final AccountEmails accounts;

    OrderAdminController(OrderSearch search, AccountEmails accounts) {
        this.search = search;
        this.accounts = accounts;
    }

    /** {@code q}: an order id, or an email; without it, the newest orders. */
    @GetMapping("/api/admin/orders")
    FoundOrders find(@RequestParam(required = false) @Nullable @Size(max = 254)
            @Pattern(regexp = "[^\\x00]*", message = "may not contain the NUL character") String q) {
        String query = q == null ? "" : q.strip();
        List<OrderSearch.Found> found;
        if (query.isEmpty()) {
            found = search.find(null, null);
        } else if (UUID_TEXT.matcher(query).matches()) {
            found = search.find(UUID.fromString(query), null);
        } else {
            Optional<UUID> shopper = accounts.shopperOf(query);
            found = shopper.isPresent() ? search.find(null, shopper.get()) : List.of();
        }
        Map<UUID, String> emails = accounts.of(found.stream().map(OrderSearch.Found::shopperId).distinct().toList());
        return new FoundOrders(found.stream()
                .map(order -> new FoundOrder(order.id(), order.createdAt(), emails.get(order.shopperId()), order.total(),
                        order.currency(), "PAID", order.lines()))
                .toList());
    }
}
