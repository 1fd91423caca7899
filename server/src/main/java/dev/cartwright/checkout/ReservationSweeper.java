package dev.cartwright.checkout;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back the stock of checkouts nobody paid for in time, and asks the provider about those
 * being paid before giving them up. Every node runs it; SKIP LOCKED lets them share the work
 * without waiting on each other or expiring a checkout twice.
 */
@Component
class ReservationSweeper {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);
    private static final int BATCH = 100;

    private final Checkouts checkouts;

    ReservationSweeper(Checkouts checkouts) {
        this.checkouts = checkouts;
    }

    @Scheduled(fixedDelayString = "${cartwright.checkout.sweep-interval}")
    void sweep() {
        int expired;
        int total = 0;
        do {
            expired = checkouts.expireOverdue(BATCH);
            total += expired;
        } while (expired == BATCH);
        if (total > 0) {
            log.info("Expired {} unpaid checkouts and released their stock", total);
        }
        int asked;
        do {
            asked = checkouts.settleOverduePayments(BATCH);
        } while (asked == BATCH);
    }
}
