package dev.cartwright.checkout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How many checkouts this node refused for want of each product (STOCK_CONFLICT), per second of
 * the last {@link #SECONDS}, for the operators' drop view. Kept in this node's memory only: with
 * several nodes each counts its own refusals, and a restart forgets them. A refusal is no stock
 * movement, and a table written per refusal would load the database most when a drop is busiest.
 */
@Component
class StockRefusals {

    static final int SECONDS = 600;

    /** One product's counts, a slot per second; a slot holds the second it counts, so a stale one reads as zero. */
    private static final class Ring {
        private final long[] seconds = new long[SECONDS];
        private final int[] counts = new int[SECONDS];

        synchronized void add(long second) {
            int slot = (int) Math.floorMod(second, SECONDS);
            if (seconds[slot] != second) {
                seconds[slot] = second;
                counts[slot] = 0;
            }
            counts[slot]++;
        }

        synchronized int at(long second) {
            int slot = (int) Math.floorMod(second, SECONDS);
            return seconds[slot] == second ? counts[slot] : 0;
        }
    }

    private final Map<Long, Ring> byProduct = new ConcurrentHashMap<>();

    void refused(long productId, Instant at) {
        byProduct.computeIfAbsent(productId, id -> new Ring()).add(at.getEpochSecond());
    }

    /** The refusals of each of the {@code seconds} whole seconds up to {@code now}'s, oldest first. */
    List<Integer> lastSeconds(long productId, int seconds, Instant now) {
        Ring ring = byProduct.get(productId);
        long last = now.getEpochSecond();
        List<Integer> counts = new ArrayList<>(seconds);
        for (long second = last - seconds + 1; second <= last; second++) {
            counts.add(ring == null ? 0 : ring.at(second));
        }
        return counts;
    }
}
