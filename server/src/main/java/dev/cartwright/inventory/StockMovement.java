package dev.cartwright.inventory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One change of a product's stock, from the ledger. {@code quantity} is signed: for a RESTOCK the
 * change of on hand, for a RESERVATION the units reserved (+), a RELEASE the units given back (-),
 * a SALE the units sold (-, from on hand and reserved both).
 */
public record StockMovement(long id, Kind kind, int quantity, int onHandAfter, int reservedAfter,
        @Nullable UUID checkoutId, Instant at) {

    public enum Kind { RESTOCK, RESERVATION, RELEASE, SALE }
}
