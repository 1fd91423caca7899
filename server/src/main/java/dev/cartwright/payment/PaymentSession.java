package dev.cartwright.payment;

import java.net.URI;

public record PaymentSession(String sessionId, URI redirectUrl) {}
