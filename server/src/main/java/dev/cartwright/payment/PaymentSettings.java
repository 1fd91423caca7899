package dev.cartwright.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which provider takes payments ({@code provider}, see {@link PaymentProviders}), where the
 * simulated provider delivers webhooks (empty: the delivering node's own endpoint) and the secret
 * they are signed with (empty: one made once per database, shared by every node); how often each
 * node looks for webhooks and refunds due ({@code outboxInterval}) and how they are retried;
 * how long a refund due waits before it is first sent ({@code refundHold}), so that an operator
 * can look at the payment first (and send it sooner from the console).
 */
@ConfigurationProperties("cartwright.payment")
record PaymentSettings(String provider, String webhookUrl, String webhookSecret, Duration outboxInterval,
        Duration retryFirst, Duration retryMax, Duration retryFor, Duration refundHold) {

    RetrySchedule retrySchedule() {
        return new RetrySchedule(retryFirst, retryMax, retryFor);
    }
}
