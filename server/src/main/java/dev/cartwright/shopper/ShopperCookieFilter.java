package dev.cartwright.shopper;

import dev.cartwright.platform.FilterOrder;
import dev.cartwright.platform.IdempotencyFilter;
import dev.cartwright.platform.RateLimitFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Knows the shopper of every request to a shopper's resources and of every storefront page,
 * and welcomes a new guest with a cookie on their first such request, so the cookie exists
 * before their first change. Catalog reads, provider webhooks and operator calls need no shopper.
 */
@Component
@Order(FilterOrder.SHOPPER)
class ShopperCookieFilter extends OncePerRequestFilter {

    static final String COOKIE = "cartwright_shopper";
    static final String ATTRIBUTE = ShopperId.REQUEST_ATTRIBUTE;
    // Browsers cap a cookie's lifetime at 400 days.
    private static final Duration LIFETIME = Duration.ofDays(400);
    private static final RequestMatcher SHOPPERS_REQUESTS = RequestMatchers.anyOf(
            RequestMatchers.allOf(pattern("/api/**"), RequestMatchers.not(RequestMatchers.anyOf(
                    pattern("/api/products/**"), pattern("/api/payments/**"), pattern("/api/admin/**")))),
            pattern("/"), pattern("/ws"), pattern("/checkout/**"), pattern("/join/**"));

    private final Shoppers shoppers;

    ShopperCookieFilter(Shoppers shoppers) {
        this.shoppers = shoppers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SHOPPERS_REQUESTS.matches(request);
    }

    /** Matched like Spring MVC and Spring Security match: on the decoded, normalized path. */
    private static RequestMatcher pattern(String pattern) {
        return PathPatternRequestMatcher.pathPattern(pattern);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ShopperId shopper = cookieToken(request).flatMap(shoppers::byToken).orElseGet(() -> welcome(request, response));
        request.setAttribute(ATTRIBUTE, shopper);
        request.setAttribute(IdempotencyFilter.SCOPE_ATTRIBUTE, shopper.toString());
        request.setAttribute(RateLimitFilter.SHOPPER_ATTRIBUTE, shopper.toString());
        chain.doFilter(request, response);
    }

    private ShopperId welcome(HttpServletRequest request, HttpServletResponse response) {
        ShopperToken token = ShopperToken.random();
        ShopperId shopper = shoppers.register(token);
        ResponseCookie cookie = ResponseCookie.from(COOKIE, token.value())
                .httpOnly(true)
                .sameSite("Lax")
                .secure(request.isSecure())
                .path("/")
                .maxAge(LIFETIME)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return shopper;
    }

    private static Optional<ShopperToken> cookieToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .findFirst()
                .flatMap(cookie -> ShopperToken.parse(cookie.getValue()));
    }
}
