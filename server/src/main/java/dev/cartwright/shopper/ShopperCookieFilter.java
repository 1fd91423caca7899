package dev.cartwright.shopper;

import dev.cartwright.platform.FilterOrder;
import dev.cartwright.platform.IdempotencyFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
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
    private static final List<String> WITHOUT_SHOPPER = List.of("/api/products", "/api/payments/", "/api/admin/");

    private final Shoppers shoppers;

    ShopperCookieFilter(Shoppers shoppers) {
        this.shoppers = shoppers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean storefrontPage = path.equals("/") || path.equals("/ws") || path.equals("/checkout") || path.startsWith("/checkout/")
                || path.startsWith("/join/");
        boolean shoppersApi = path.startsWith("/api/") && WITHOUT_SHOPPER.stream().noneMatch(path::startsWith);
        return !storefrontPage && !shoppersApi;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ShopperId shopper = cookieToken(request).flatMap(shoppers::byToken).orElseGet(() -> welcome(request, response));
        request.setAttribute(ATTRIBUTE, shopper);
        request.setAttribute(IdempotencyFilter.SCOPE_ATTRIBUTE, shopper.toString());
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
