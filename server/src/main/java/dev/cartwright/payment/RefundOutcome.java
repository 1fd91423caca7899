package dev.cartwright.payment;

/** A provider's answer to a refund. A refund whose answer never came is not an outcome: it is sent again. */
public sealed interface RefundOutcome {

    record Refunded() implements RefundOutcome {}

    /** The provider will not refund this (nothing paid, another amount, already refunded otherwise): an operator's case. */
    record Refused(String why) implements RefundOutcome {}
}
