package dev.cartwright.platform;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down whoever changes carts, opens checkouts or reports telemetry faster than a person (or
 * a storefront) could: a token bucket per shopper and one per client address, for each of the three. The address bucket is what a
 * script that drops its cookie to become a new shopper still runs into.
 *
 * <p>Buckets live in this node's memory, in a bounded map: a bucket left alone for a whole
 * period is full again, so forgetting it then changes nothing, and a flood of addresses evicts
 * the least used buckets instead of exhausting memory. With several nodes, each counts on its own.
 */
@Component
@Order(FilterOrder.RATE_LIMIT)
public class RateLimitFilter extends OncePerRequestFilter {

    /** The request attribute naming the request's shopper; set by the shopper filter. */
    public static final String SHOPPER_ATTRIBUTE = RateLimitFilter.class.getName() + ".shopper";

    private static final int MAX_BUCKETS = 100_000;
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final RequestMatcher CART_CHANGES = RequestMatchers.anyOf(
            pathPattern(HttpMethod.POST, "/api/cart/**"), pathPattern(HttpMethod.PUT, "/api/cart/**"),
            pathPattern(HttpMethod.PATCH, "/api/cart/**"), pathPattern(HttpMethod.DELETE, "/api/cart/**"),
            // Validating a coupon applies it to the cart, and guessing codes is what a limit is for.
            pathPattern(HttpMethod.POST, "/api/coupons/**"));
    private static final RequestMatcher NEW_CHECKOUTS = pathPattern(HttpMethod.POST, "/api/checkouts");
    private static final RequestMatcher TELEMETRY = pathPattern(HttpMethod.POST, "/api/telemetry/**");
    /** The counter of refused requests, tagged {@code limit}; sign-ins are counted under the same name (account.SignInLimits). */
    public static final String LIMITED_METER = "cartwright.requests.limited";

    private enum Limited { CART_CHANGE, CHECKOUT, TELEMETRY }

    private enum Counted { SHOPPER, ADDRESS }

    /** One bucket: this kind of request, counted for this shopper or this address. */
    private record BucketKey(Limited limited, Counted counted, String who) {}

    private final RateLimitSettings settings;
    private final ProblemWriter problems;
    private final Cache<BucketKey, Bucket> buckets;
    private final Map<Limited, Counter> refused = new EnumMap<>(Limited.class);

    RateLimitFilter(RateLimitSettings settings, ProblemWriter problems, MeterRegistry meters) {
        this.settings = settings;
        this.problems = problems;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_BUCKETS).expireAfterAccess(settings.period()).build();
        for (Limited limited : Limited.values()) {
            refused.put(limited, limitedCounter(meters, limited.name().toLowerCase(Locale.ROOT)));
        }
    }

    /** Requests refused with 429 by the limit of this kind. */
    public static Counter limitedCounter(MeterRegistry meters, String limit) {
        return Counter.builder(LIMITED_METER).description("Requests refused by a rate limit, by the limit")
                .tag("limit", limit).register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !settings.enabled();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        @Nullable Limited limited = limited(request);
        if (limited == null) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitSettings.Limits limits = switch (limited) {
            case CART_CHANGE -> settings.cart();
            case CHECKOUT -> settings.checkouts();
            case TELEMETRY -> settings.telemetry();
        };
        List<Bucket> counting = new ArrayList<>(2);
        if (request.getAttribute(SHOPPER_ATTRIBUTE) instanceof String shopper) {
            counting.add(bucket(new BucketKey(limited, Counted.SHOPPER, shopper), limits.perShopper()));
        }
        counting.add(bucket(new BucketKey(limited, Counted.ADDRESS, request.getRemoteAddr()), limits.perAddress()));
        OptionalLong nanosToWait = TokenBuckets.takeFromEach(counting);
        if (nanosToWait.isPresent()) {
            refused.get(limited).increment();
            refuse(response, nanosToWait.getAsLong());
            return;
        }
        chain.doFilter(request, response);
    }

    private @Nullable Limited limited(HttpServletRequest request) {
        if (CART_CHANGES.matches(request)) {
            return Limited.CART_CHANGE;
        }
        if (NEW_CHECKOUTS.matches(request)) {
            return Limited.CHECKOUT;
        }
        return TELEMETRY.matches(request) ? Limited.TELEMETRY : null;
    }

    private Bucket bucket(BucketKey key, int capacity) {
        return buckets.get(key, unused -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, settings.period()))
                .build());
    }

    private void refuse(HttpServletResponse response, long nanosToWait) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, Math.ceilDiv(nanosToWait, NANOS_PER_SECOND))));
        problems.write(response, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                "You are making changes faster than the shop can take them. Wait a few seconds and try again."));
    }
}
