package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** A failure of ours is a 500 with a problem; a browser that left mid-answer is not a failure, and hears nothing. */
class ApiProblemsTest {

    private final ApiProblems problems = new ApiProblems();

    @Test
    void aClientThatWentAwayIsAnsweredNothingAndAFailureOfOursIsA500() {
        assertThat(problems.unexpected(new ClientAbortException(new IOException("Broken pipe")))).isNull();

        ResponseEntity<Object> failure = problems.unexpected(new IllegalStateException("a bug"));

        assertThat(failure).isNotNull();
        assertThat(failure.getStatusCode().value()).isEqualTo(500);
    }
}
