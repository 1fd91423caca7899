package dev.cartwright.shopper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/** The secret a guest's cookie holds: 32 random bytes, base64url. The database sees only its hash. */
record ShopperToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    static ShopperToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ShopperToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A cookie value that cannot be a token is treated as no cookie at all. */
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
