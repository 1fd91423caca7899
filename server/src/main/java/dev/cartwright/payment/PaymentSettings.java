package dev.cartwright.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which provider takes payments ({@code provider}, see {@link PaymentProviders}), where the
 * simulated provider delivers webhooks (empty: this node's own endpoint) and the secret they are
 * signed with (empty: one made once per database, shared by every node).
 */
@ConfigurationProperties("cartwright.payment")
record PaymentSettings(String provider, String webhookUrl, String webhookSecret) {}
