package dev.cartwright.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cartwright.platform.RateLimitFilter;
import dev.cartwright.platform.TokenBuckets;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, in this node's memory, with three token buckets: one per email
 * and client address, which stops one client guessing one account; one per address, which stops
 * one client trying many; and one per email from all addresses, much larger, which bounds guesses
 * spread over many addresses. An email counts whether or not it has an account (so the limit tells
 * nothing), and locking its owner out takes as many distinct addresses as its larger bucket holds.
 * Bounded as the platform's rate limits are (a bucket left alone for a period is full again, so
 * forgetting it then changes nothing).
 */
@Component
class SignInLimits {

    private static final int MAX_BUCKETS = 100_000;

    private enum Counted { ACCOUNT_AT_ADDRESS, ADDRESS, ACCOUNT }

    /** {@code email} or {@code address} is empty when the bucket does not count by it. */
    private record BucketKey(Counted counted, String email, String address) {}

    private final AccountSettings settings;
    private final Cache<BucketKey, Bucket> buckets;
    private final Counter refused;

    SignInLimits(AccountSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfterAccess(settings.signInPeriod()).build();
        this.refused = RateLimitFilter.limitedCounter(meters, "sign_in");
    }

    /** Takes a try from each of the three buckets, or from none: answers how long to wait when one is empty. */
    OptionalLong take(String email, String address) {
        if (!settings.rateLimit()) {
            return OptionalLong.empty();
        }
        List<Bucket> counting = List.of(
                bucket(new BucketKey(Counted.ACCOUNT_AT_ADDRESS, email, address), settings.signInsPerAccountAndAddress()),
                bucket(new BucketKey(Counted.ADDRESS, "", address), settings.signInsPerAddress()),
                bucket(new BucketKey(Counted.ACCOUNT, email, ""), settings.signInsPerAccount()));
        OptionalLong wait = TokenBuckets.takeFromEach(counting);
        wait.ifPresent(unused -> refused.increment());
        return wait;
    }

    private Bucket bucket(BucketKey key, int capacity) {
        return buckets.get(key, unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, settings.signInPeriod()))
                .build());
    }
}
