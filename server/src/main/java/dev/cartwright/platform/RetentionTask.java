package dev.cartwright.platform;

/**
 * Rows that have outlived their use, owned by one feature. {@link Retention} asks for them a
 * bounded batch at a time, each batch in a transaction of its own, so no run holds many locks.
 */
public interface RetentionTask {

    /** What the rows are, for the log: "expired idempotency keys". */
    String rows();

    /** Deletes at most {@code limit} rows and answers how many it deleted. */
    int forget(int limit);
}
