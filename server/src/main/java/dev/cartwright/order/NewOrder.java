package dev.cartwright.order;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A paid checkout, as it becomes an order; {@code total} includes {@code shipping} by {@code shippingMethod}. */
public record NewOrder(UUID checkoutId, UUID shopperId, List<OrderView.Line> lines, long subtotal, long discount,
        String shippingMethod, long shipping, long total, String currency, @Nullable String couponCode,
        ShippingAddress shippingAddress) {}
