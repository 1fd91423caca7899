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
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
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
 * A signed cookie younger than the refresh interval is trusted as it is; an older one is checked
 * against the database once and issued anew, so the forgotten never come back as themselves.
 * A signed-in browser's cookie names its session, which is checked on every request: once it
 * has signed out, the cookie (and every copy of it) is a new guest's.
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
            pattern("/"), pattern("/ws"), pattern("/products/**"), pattern("/checkout/**"), pattern("/join/**"),
            pattern("/orders/**"), pattern("/signin"), pattern("/signup"), pattern("/ops/**"));

    private final Shoppers shoppers;
    private final GuestCookies cookies;
    private final ShopperSettings settings;
    private final Sessions sessions;

    ShopperCookieFilter(Shoppers shoppers, GuestCookies cookies, ShopperSettings settings, Sessions sessions) {
        this.shoppers = shoppers;
        this.cookies = cookies;
        this.settings = settings;
        this.sessions = sessions;
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
        ShopperId shopper = shopperOf(request, response);
        request.setAttribute(ATTRIBUTE, shopper);
        request.setAttribute(IdempotencyFilter.SCOPE_ATTRIBUTE, shopper.toString());
        request.setAttribute(RateLimitFilter.SHOPPER_ATTRIBUTE, shopper.toString());
        chain.doFilter(request, response);
    }

    private ShopperId shopperOf(HttpServletRequest request, HttpServletResponse response) {
        Instant now = Instant.now();
        Optional<String> value = cookieValue(request);
        Optional<SessionCookie> signedIn = value.flatMap(cookies::readSession);
        if (signedIn.isPresent()) {
            if (sessions.live(signedIn.get())) {
                request.setAttribute(SessionId.REQUEST_ATTRIBUTE, new SessionId(signedIn.get().session()));
                return signedIn.get().shopper();
            }
            // Signed out (here or with another copy of the cookie): a new guest, with nothing of the account's.
            return issue(request, response, new ShopperId(UUID.randomUUID()), now);
        }
        Optional<GuestCookie> cookie = value.flatMap(cookies::read);
        if (cookie.isPresent()) {
            Duration age = Duration.between(cookie.get().issuedAt(), now);
            ShopperId shopper = cookie.get().shopper();
            if (age.compareTo(settings.cookieRefresh()) < 0) {
                return shopper;
            }
            // A guest without a row whose cookie is younger than the retention never had one to forget.
            boolean same = shoppers.seen(shopper) || age.compareTo(settings.guestRetention()) < 0;
            return issue(request, response, same ? shopper : cookies.successor(shopper), now);
        }
        Optional<ShopperId> legacy = value.flatMap(ShopperToken::parse).flatMap(shoppers::byLegacyToken);
        legacy.ifPresent(shoppers::seen);
        return issue(request, response, legacy.orElseGet(() -> new ShopperId(UUID.randomUUID())), now);
    }

    private ShopperId issue(HttpServletRequest request, HttpServletResponse response, ShopperId shopper, Instant now) {
        setCookie(request, response, cookies.issue(new GuestCookie(shopper, now)));
        return shopper;
    }

    /** The browser's shopper cookie is this value from now on; it replaces one set earlier in the same answer. */
    static void setCookie(HttpServletRequest request, HttpServletResponse response, String value) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .sameSite("Lax")
                .secure(request.isSecure())
                .path("/")
                .maxAge(LIFETIME)
                .build();
        response.setHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static Optional<String> cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .findFirst()
                .map(Cookie::getValue);
    }
}
