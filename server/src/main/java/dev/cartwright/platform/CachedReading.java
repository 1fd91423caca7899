package dev.cartwright.platform;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A reading of the database that gauges show, taken at most once per {@link #FRESH_FOR}: however
 * often and however many at once scrape the metrics, the database answers one query per period,
 * and concurrent scrapes wait for that one.
 */
public final class CachedReading<T> {

    public static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final LoadingCache<Boolean, T> cache;

    public CachedReading(Supplier<T> read) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR).build(unused -> read.get());
    }

    public T get() {
        return cache.get(Boolean.TRUE);
    }
}
