package dev.cartwright.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery: shoppers are known by a cookie the browser sends with any request,
 * so a change, or a WebSocket that would read the cart, must come from the shop's own pages (or
 * a configured origin). Browsers say where a request comes from in {@code Origin}, or at least in
 * {@code Sec-Fetch-Site}; a client that sends neither is not a browser and carries no one's cookie
 * by accident.
 */
class ForeignOrigins extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

    private final List<String> allowedOrigins;
    private final ProblemWriter problems;

    ForeignOrigins(HttpSettings settings, ProblemWriter problems) {
        this.allowedOrigins = settings.allowedOrigins();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (guarded(request) && foreign(request)) {
            problems.write(response, Problems.problem(HttpStatus.FORBIDDEN, "FOREIGN_ORIGIN",
                    "This change came from another website, so it was not made. Make it on the shop's own pages."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean guarded(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) || "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    /**
     * The origin this request was sent to, as the container sees it: X-Forwarded-* count only
     * from a trusted proxy (server.forward-headers-strategy), never because a client sent them.
     */
    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private boolean foreign(HttpServletRequest request) {
        @Nullable String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            return !origin.equalsIgnoreCase(ownOrigin(request)) && allowedOrigins.stream().noneMatch(origin::equalsIgnoreCase);
        }
        @Nullable String site = request.getHeader("Sec-Fetch-Site");
        return site != null && FOREIGN_SITES.contains(site);
    }
}
