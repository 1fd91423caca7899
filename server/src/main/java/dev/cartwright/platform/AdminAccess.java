package dev.cartwright.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Operator calls under /api/admin/ need {@code Authorization: Bearer <CARTWRIGHT_ADMIN_TOKEN>}.
 * Without a configured token the service makes one at start-up and prints it; with several
 * nodes, configure one so that every node accepts it.
 */
@Component
@Order(FilterOrder.BODY_LIMIT - 10)
class AdminAccess extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminAccess.class);

    private final byte[] token;
    private final ProblemWriter problems;

    AdminAccess(@Value("${cartwright.admin.token:}") String configured, ProblemWriter problems) {
        String token = configured;
        if (token.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("CARTWRIGHT_ADMIN_TOKEN is not set; this run's admin token is {}", token);
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String presented = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : "";
        if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            problems.write(response, Problems.problem(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "This call needs the admin token: Authorization: Bearer <CARTWRIGHT_ADMIN_TOKEN>."));
            return;
        }
        chain.doFilter(request, response);
    }
}
