package dev.cartwright.shopper;

import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that forgets these guests, before their rows go: every
 * feature deletes what it keeps of them in the same transaction.
 */
public record GuestsForgotten(List<UUID> shopperIds) {}
