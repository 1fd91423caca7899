package dev.cartwright.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Hands a failure of the database, before any other resolver sees it, to
 * {@link TransientFailureRetry}, which runs the request again or answers 503. Spring MVC would
 * otherwise take a dropped database connection (its EOFException) for a client that went away,
 * and end the request silently with an empty 200.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseFailures implements HandlerExceptionResolver {

    /** Carries the database's failure past the rest of Spring MVC to the retry filter. */
    static final class Escalated extends RuntimeException {
        Escalated(Exception failure) {
            super(failure.getMessage(), failure);
        }
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception failure) {
        if (DatabaseFailure.of(failure) != DatabaseFailure.OTHER) {
            throw new Escalated(failure);
        }
        return null;
    }
}
