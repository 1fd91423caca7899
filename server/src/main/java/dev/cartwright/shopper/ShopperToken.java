package dev.cartwright.shopper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A cookie of the first release: 32 random bytes, base64url, of which the database kept the
 * hash. Shoppers who still carry one are recognized once and given a signed cookie.
 */
record ShopperToken(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    static Optional<ShopperToken> parse(String value) {
        return FORMAT.matcher(value).matches() ? Optional.of(new ShopperToken(value)) : Optional.empty();
    }

    byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
