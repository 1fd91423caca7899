package dev.cartwright.shopper;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A browser identity that must no longer be followed: a guest who signed in ({@code session} null:
 * every connection of that guest), or a session that signed out. Connections opened under it close,
 * and reconnect with the cookie their browser has now. Published inside the transaction; act after commit.
 */
public record IdentityEnded(UUID shopperId, @Nullable UUID session) {}
