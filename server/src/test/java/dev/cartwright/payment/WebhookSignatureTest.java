package dev.cartwright.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final WebhookSignature signature = new WebhookSignature("whsec_test".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSignatureOfTheRawBodyVerifies() {
        String header = signature.sign(BODY, NOW);

        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(signature.verify(header, BODY, NOW)).isInstanceOf(WebhookSignature.Verdict.Valid.class);
    }

    @Test
    void aTamperedBodyOrAnotherSecretDoesNotVerify() {
        String header = signature.sign(BODY, NOW);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("succeeded", "failed").getBytes(StandardCharsets.UTF_8);
        WebhookSignature other = new WebhookSignature("whsec_other".getBytes(StandardCharsets.UTF_8));

        assertThat(signature.verify(header, tampered, NOW)).isInstanceOf(WebhookSignature.Verdict.Invalid.class);
        assertThat(other.verify(header, BODY, NOW)).isInstanceOf(WebhookSignature.Verdict.Invalid.class);
        assertThat(signature.verify(header.replace("t=", "t=1"), BODY, NOW)).isInstanceOf(WebhookSignature.Verdict.Invalid.class);
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnoughWhileSecretsRotate() {
        String old = new WebhookSignature("whsec_old".getBytes(StandardCharsets.UTF_8)).sign(BODY, NOW);
        String current = signature.sign(BODY, NOW);

        String both = old + "," + current.substring(current.indexOf("v1="));

        assertThat(signature.verify(both, BODY, NOW)).isInstanceOf(WebhookSignature.Verdict.Valid.class);
    }

    @Test
    void timestampsMoreThanFiveMinutesAwayAreStale() {
        assertThat(signature.verify(signature.sign(BODY, NOW.minus(Duration.ofMinutes(4))), BODY, NOW))
                .isInstanceOf(WebhookSignature.Verdict.Valid.class);
        assertThat(signature.verify(signature.sign(BODY, NOW.minus(Duration.ofMinutes(6))), BODY, NOW))
                .isInstanceOf(WebhookSignature.Verdict.Stale.class);
        assertThat(signature.verify(signature.sign(BODY, NOW.plus(Duration.ofMinutes(6))), BODY, NOW))
                .isInstanceOf(WebhookSignature.Verdict.Stale.class);
    }

    @Test
    void missingOrMalformedHeadersAreInvalid() {
        for (String header : new String[] {null, "", "garbage", "t=abc,v1=00", "t=1", "v1=00", "t=1,v1=xyz", "t=1,v1"}) {
            assertThat(signature.verify(header, BODY, NOW)).as(String.valueOf(header))
                    .isInstanceOf(WebhookSignature.Verdict.Invalid.class);
        }
    }
}
