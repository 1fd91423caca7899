package dev.cartwright.platform;

import java.util.Map;

/** The response a mutation gave, kept to answer a retry with the same Idempotency-Key. */
record StoredResponse(byte[] requestHash, int status, Map<String, String> headers, byte[] body) {}
