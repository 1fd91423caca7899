package dev.cartwright.order;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a shopper's orders, newest first; {@code nextCursor} fetches the next page and is null on the last one. */
record OrderPage(List<OrderView> items, @Nullable String nextCursor) {}
