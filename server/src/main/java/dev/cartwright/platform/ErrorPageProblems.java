package dev.cartwright.platform;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (in a filter, in the container) end at /error; they
 * answer problem+json like every other error instead of Spring Boot's default body. Asked for
 * directly, /error is an address like any other with nothing at it.
 */
@Hidden
@RestController
class ErrorPageProblems implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        DatabaseFailure database = DatabaseFailure.of((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        if (database != DatabaseFailure.OTHER) {
            // A filter before the retry (knowing the shopper) could not reach the database.
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, TransientFailureRetry.retryAfter(database))
                    .body(TransientFailureRetry.problem(database));
        }
        HttpStatusCode status = code instanceof Integer value ? HttpStatusCode.valueOf(value) : HttpStatus.NOT_FOUND;
        String detail = ApiProblems.outsideDetail(status);
        ProblemDetail problem = Problems.problem(status, ApiProblems.codeFor(status), detail);
        return ResponseEntity.status(status).body(problem);
    }
}
