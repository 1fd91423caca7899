package dev.cartwright.platform;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.List;
import java.util.OptionalLong;

/** Bucket4j buckets that count one request together (per client and per shopper, per account and per address). */
public final class TokenBuckets {

    private TokenBuckets() {}

    /** Takes a token from every bucket, or from none: answers how long to wait when one is empty. */
    public static OptionalLong takeFromEach(List<Bucket> counting) {
        for (int i = 0; i < counting.size(); i++) {
            ConsumptionProbe probe = counting.get(i).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                // A refused request costs nothing: the tokens already taken go back.
                counting.subList(0, i).forEach(bucket -> bucket.addTokens(1));
                return OptionalLong.of(probe.getNanosToWaitForRefill());
            }
        }
        return OptionalLong.empty();
    }
}
