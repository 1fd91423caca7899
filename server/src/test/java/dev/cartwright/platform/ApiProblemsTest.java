package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * What fails unexpectedly is answered 500, never left as a success: a handler that answers nothing
 * would leave a change that failed looking acknowledged (200). A browser that left is one too.
 */
class ApiProblemsTest {

    private final ApiProblems problems = new ApiProblems();

    @Test
    void everyUnexpectedFailureIsA500WhateverItsMessageSays() {
        for (Exception failure : new Exception[] {new ClientAbortException(new IOException("Broken pipe")),
                new IllegalStateException("Connection reset by peer"), new IllegalStateException("a bug")}) {
            ResponseEntity<Object> answer = problems.unexpected(failure);
            assertThat(answer.getStatusCode().value()).as(failure.toString()).isEqualTo(500);
        }
    }
}
