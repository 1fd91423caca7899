package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Which failures run a request again, how often, and what the client hears when they do not pass. */
class TransientFailureRetryTest {

    private final TransientFailureRetry retry = new TransientFailureRetry(new ProblemWriter(JsonMapper.builder().build()));
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cart/items");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    /** A chain whose first {@code failing} runs fail as the dispatcher reports a failed handler. */
    private static FilterChain failing(int failing, Exception failure, AtomicInteger runs) {
        return (request, response) -> {
            if (runs.incrementAndGet() <= failing) {
                throw new ServletException("Request processing failed", failure);
            }
            response.getWriter().write("done");
        };
    }

    @Test
    void aDeadlockOrASerializationFailureRunsTheRequestAgain() throws Exception {
        AtomicInteger runs = new AtomicInteger();

        retry.doFilter(request, response, failing(2, new CannotAcquireLockException("lost", new SQLException("deadlock", "40P01")), runs));

        assertThat(runs).hasValue(3);
        assertThat(response.getContentAsString()).isEqualTo("done");
    }

    @Test
    void aRaceLostEveryTimeAnswers503WithRetryAfterAndStops() throws Exception {
        AtomicInteger runs = new AtomicInteger();

        retry.doFilter(request, response, failing(100, new SQLException("could not serialize", "40001"), runs));

        assertThat(runs).hasValue(TransientFailureRetry.ATTEMPTS);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentAsString()).contains("\"code\":\"DATABASE_UNAVAILABLE\"");
    }

    @Test
    void anUnreachableDatabaseAnswers503AtOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();

        retry.doFilter(request, response, failing(100, new SQLTransientConnectionException("pool timed out"), runs));

        assertThat(runs).hasValue(1);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    }

    @Test
    void anyOtherFailureIsNotTheDatabasesAndGoesOn() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> retry.doFilter(request, response, failing(1, new IllegalStateException("a bug"), runs)))
                .isInstanceOf(ServletException.class);
        assertThat(runs).hasValue(1);
    }
}
