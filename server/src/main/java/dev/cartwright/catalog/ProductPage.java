package dev.cartwright.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of products; {@code nextCursor} fetches the next page and is null on the last one. */
public record ProductPage(List<ProductView> items, @Nullable String nextCursor) {}
