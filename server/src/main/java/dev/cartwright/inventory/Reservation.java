package dev.cartwright.inventory;

import java.util.List;

/** What became of an attempt to reserve a checkout's lines: all of them, or none. */
public sealed interface Reservation {

    record Reserved() implements Reservation {}

    /** Every line that could not be had, with what is available of it now. Nothing was reserved. */
    record Conflict(List<Shortfall> shortfalls) implements Reservation {}

    record Shortfall(long productId, int requested, int available) {}
}
