package dev.cartwright.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose transaction lost a race to another (a deadlock, a serialization failure, a
 * lock timeout) runs again, a few times, before anyone hears of it: each run is a transaction of
 * its own that rolled back whole, and the body is in memory. A database that cannot be reached
 * answers 503 with Retry-After, so a client knows to come back, and nothing was changed.
 */
@Component
@Order(FilterOrder.RETRY)
class TransientFailureRetry extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(TransientFailureRetry.class);
    static final int ATTEMPTS = 4;

    private final ProblemWriter problems;

    TransientFailureRetry(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                chain.doFilter(request, response);
                return;
            } catch (ServletException | IOException | RuntimeException failure) {
                DatabaseFailure kind = DatabaseFailure.of(failure);
                if (kind == DatabaseFailure.OTHER || response.isCommitted()) {
                    throw failure;
                }
                if (kind == DatabaseFailure.CONFLICT && attempt < ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                log.warn("{} {} failed on the database ({}) after {} attempt(s): {}", request.getMethod(),
                        request.getRequestURI(), kind, attempt, failure.toString());
                unavailable(response, kind);
                return;
            }
        }
    }

    /** Jittered, growing pauses, so that the transactions that collided do not collide again. */
    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to try again", e);
        }
    }

    private void unavailable(HttpServletResponse response, DatabaseFailure kind) throws IOException {
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter(kind));
        problems.write(response, problem(kind));
    }

    static String retryAfter(DatabaseFailure kind) {
        return kind == DatabaseFailure.CONFLICT ? "1" : "2";
    }

    static ProblemDetail problem(DatabaseFailure kind) {
        return Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE", kind == DatabaseFailure.CONFLICT
                ? "The shop is very busy right now and your change was not made. Please try again in a moment."
                : "The shop cannot reach its records right now, so nothing was changed. Please try again in a moment.");
    }
}
