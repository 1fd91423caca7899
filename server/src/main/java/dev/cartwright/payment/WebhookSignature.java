package dev.cartwright.payment;

import dev.cartwright.platform.ServerSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The webhook signature scheme, as Stripe's: {@code Cartwright-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<raw body>">}. Several v1 entries may come while a secret is rotated; one
 * matching is enough. Timestamps more than five minutes away are refused, so a captured webhook
 * cannot be replayed later.
 */
@Component
class WebhookSignature {

    static final String HEADER = "Cartwright-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    sealed interface Verdict {
        record Valid() implements Verdict {}

        record Invalid(String why) implements Verdict {}

        record Stale() implements Verdict {}
    }

    private final byte[] secret;

    @Autowired
    WebhookSignature(PaymentSettings settings, ServerSecrets secrets) {
        this(settings.webhookSecret() == null || settings.webhookSecret().isBlank()
                ? secrets.secret("payment-webhook")
                : settings.webhookSecret().getBytes(StandardCharsets.UTF_8));
    }

    WebhookSignature(byte[] secret) {
        this.secret = secret.clone();
    }

    String sign(byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    Verdict verify(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            return new Verdict.Invalid("The " + HEADER + " header is missing.");
        }
        Long t = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                return new Verdict.Invalid("The " + HEADER + " header is malformed.");
            }
            try {
                switch (pair[0]) {
                    case "t" -> t = Long.parseLong(pair[1]);
                    case "v1" -> signatures.add(HexFormat.of().parseHex(pair[1]));
                    default -> { } // other schemes (v0, future ones) are ignored, as Stripe does
                }
            } catch (IllegalArgumentException malformed) {
                return new Verdict.Invalid("The " + HEADER + " header is malformed.");
            }
        }
        if (t == null || signatures.isEmpty()) {
            return new Verdict.Invalid("The " + HEADER + " header needs t= and v1=.");
        }
        byte[] expected = mac(t, body);
        if (signatures.stream().noneMatch(signature -> MessageDigest.isEqual(signature, expected))) {
            return new Verdict.Invalid("The signature does not match the body.");
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(TOLERANCE) > 0) {
            return new Verdict.Stale();
        }
        return new Verdict.Valid();
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
