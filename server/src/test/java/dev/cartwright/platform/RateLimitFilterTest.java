package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Which requests count against which bucket, without a server: one change per shopper, two per address, an hour. */
class RateLimitFilterTest {

    private static final RateLimitSettings.Limits ONE_AND_TWO = new RateLimitSettings.Limits(1, 2);

    private final RateLimitFilter limits = filter(true);

    @Test
    void eachAddressHasABucketOfItsOwn() {
        assertThat(status(limits, "POST", "/api/cart/items", "198.51.100.1", "shopper-a")).isEqualTo(200);
        assertThat(status(limits, "POST", "/api/cart/items", "198.51.100.1", "shopper-b")).isEqualTo(200);
        assertThat(status(limits, "POST", "/api/cart/items", "198.51.100.1", "shopper-c")).isEqualTo(429);

        assertThat(status(limits, "POST", "/api/cart/items", "198.51.100.2", "shopper-c")).isEqualTo(200);
    }

    @Test
    void aShopperIsLimitedFromEveryAddress() {
        assertThat(status(limits, "PUT", "/api/cart/items/7", "198.51.100.3", "shopper-d")).isEqualTo(200);

        assertThat(status(limits, "DELETE", "/api/cart/items/7", "198.51.100.4", "shopper-d")).isEqualTo(429);
    }

    @Test
    void cartChangesAndCheckoutsAreCountedApart() {
        assertThat(status(limits, "PATCH", "/api/cart/selection", "198.51.100.5", "shopper-e")).isEqualTo(200);
        assertThat(status(limits, "POST", "/api/cart/join", "198.51.100.5", "shopper-e")).isEqualTo(429);
        assertThat(status(limits, "POST", "/api/coupons/validate", "198.51.100.5", "shopper-e")).isEqualTo(429);

        assertThat(status(limits, "POST", "/api/checkouts", "198.51.100.5", "shopper-e")).isEqualTo(200);
        assertThat(status(limits, "POST", "/api/checkouts", "198.51.100.5", "shopper-e")).isEqualTo(429);
    }

    @Test
    void readsPaymentsAndCancellationsAreNotLimited() {
        for (int i = 0; i < 3; i++) {
            assertThat(status(limits, "GET", "/api/cart", "198.51.100.6", "shopper-f")).isEqualTo(200);
            assertThat(status(limits, "POST", "/api/checkouts/9/payment", "198.51.100.6", "shopper-f")).isEqualTo(200);
            assertThat(status(limits, "DELETE", "/api/checkouts/9", "198.51.100.6", "shopper-f")).isEqualTo(200);
            assertThat(status(limits, "GET", "/api/products", "198.51.100.6", "shopper-f")).isEqualTo(200);
        }
    }

    @Test
    void offNothingIsLimited() {
        RateLimitFilter off = filter(false);

        for (int i = 0; i < 5; i++) {
            assertThat(status(off, "POST", "/api/cart/items", "198.51.100.7", "shopper-g")).isEqualTo(200);
            assertThat(status(off, "POST", "/api/checkouts", "198.51.100.7", "shopper-g")).isEqualTo(200);
        }
    }

    @Test
    void theAnswerSaysInWholeSecondsWhenToTryAgain() throws Exception {
        status(limits, "POST", "/api/checkouts", "198.51.100.8", "shopper-h");
        MockHttpServletResponse refused = send(limits, "POST", "/api/checkouts", "198.51.100.8", "shopper-h");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"RATE_LIMITED\"");
        // One token an hour: nearly all of it is still to wait, rounded up.
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(3500L, 3600L);
    }

    private static RateLimitFilter filter(boolean enabled) {
        return new RateLimitFilter(new RateLimitSettings(enabled, Duration.ofHours(1), ONE_AND_TWO, ONE_AND_TWO,
                ONE_AND_TWO), new ProblemWriter(JsonMapper.builder().build()), new SimpleMeterRegistry());
    }

    private static int status(RateLimitFilter filter, String method, String path, String address, String shopper) {
        try {
            return send(filter, method, path, address, shopper).getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletResponse send(RateLimitFilter filter, String method, String path, String address,
            String shopper) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        request.setAttribute(RateLimitFilter.SHOPPER_ATTRIBUTE, shopper);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
