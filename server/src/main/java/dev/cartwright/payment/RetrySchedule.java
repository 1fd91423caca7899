package dev.cartwright.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a delivery again: pauses doubling from {@code first} up to {@code max}, each with
 * jitter so that what failed together does not come back together, for {@code giveUpAfter} from
 * the first try; then never.
 */
record RetrySchedule(Duration first, Duration max, Duration giveUpAfter) {

    /** After the {@code attempts}-th failed try of something made at {@code created}; empty: give up. */
    Optional<Instant> next(int attempts, Instant created, Instant now) {
        if (!now.isBefore(created.plus(giveUpAfter))) {
            return Optional.empty();
        }
        long doubled = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
        long pause = Math.max(1, Math.min(max.toMillis(), doubled));
        // Half the pause fixed, half random ("equal jitter"): never sooner than half, never later than the whole.
        long jittered = pause / 2 + ThreadLocalRandom.current().nextLong(pause - pause / 2 + 1);
        return Optional.of(now.plusMillis(jittered));
    }
}
