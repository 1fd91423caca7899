package dev.cartwright.inventory;

import java.time.Instant;

/** Units a product's stock moved in one second: reserved, sold and released (each counted positive). */
public record StockSecond(Instant at, int reserved, int sold, int released) {}
