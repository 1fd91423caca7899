package dev.cartwright.platform;

import java.util.List;
import org.apache.catalina.connector.ClientAbortException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure into a problem+json body with a stable {@code code}. Business outcomes
 * arrive here already as problems (see {@link Problems#failure}); the rest are Spring MVC's
 * own exceptions, rewritten so that a shopper can read them, and bugs, which answer 500.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        // Writing to a browser that left (a closed tab) failed: no failure of ours to log as one. It is
        // still answered as a failure, never as a success: only Tomcat's own exception for it counts.
        if (ex instanceof ClientAbortException) {
            log.debug("The client went away before its answer was written: {}", ex.toString());
        } else {
            log.error("Unexpected failure", ex);
        }
        return problem(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side. Please try again in a moment."));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException json = findCause(ex, JacksonException.class);
        if (json != null && !json.getPath().isEmpty()) {
            String field = fieldPath(json.getPath());
            return problem(Problems.validationFailed(List.of(new Problems.FieldProblem(field, "has the wrong type or format"))));
        }
        String detail;
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            detail = "The request needs a JSON body.";
        } else if (json instanceof MismatchedInputException) {
            detail = "The request body must be a JSON object with the fields this call needs.";
        } else {
            detail = "The request body is not valid JSON.";
        }
        return problem(Problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", detail));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ApiProblems::fieldProblem)
                .toList();
        return problem(Problems.validationFailed(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldProblem(
                                result.getMethodParameter().getParameterName(), String.valueOf(error.getDefaultMessage()))))
                .toList();
        return problem(Problems.validationFailed(errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            // An id that cannot exist names nothing: the same answer as an id that does not exist.
            return problem(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "There is nothing at this address."));
        }
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        return problem(Problems.validationFailed(List.of(new Problems.FieldProblem(name, "has the wrong type or format"))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.validationFailed(List.of(new Problems.FieldProblem(ex.getParameterName(), "is required"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException ex) {
        return problem(Problems.problem(HttpStatus.BAD_REQUEST, "MISSING_HEADER",
                "The request needs the header " + ex.getHeaderName() + "."));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(statusCode));
            problem.setDetail(shopperDetail(statusCode, problem.getDetail()));
        }
        return super.createResponseEntity(body, problemJson(headers), statusCode, request);
    }

    /** A problem is JSON whatever the Accept header asked for (RFC 9457), rather than an empty body. */
    private static HttpHeaders problemJson(HttpHeaders headers) {
        HttpHeaders json = new HttpHeaders();
        json.putAll(headers);
        json.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return json;
    }

    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 501 -> "NOT_IMPLEMENTED";
            case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
            default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        };
    }

    static @Nullable String shopperDetail(HttpStatusCode status, @Nullable String detail) {
        return switch (status.value()) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address answers JSON only.";
            case 415 -> "Send the request body as JSON (Content-Type: application/json).";
            case 501 -> "The shop does not take this kind of request.";
            case 505 -> "The shop speaks HTTP/1.1 and HTTP/1.0.";
            default -> detail;
        };
    }

    /**
     * What to tell of an error that happened outside Spring MVC (the container, a filter): the
     * protocol refusals say what was refused; any other 5xx is ours.
     */
    static String outsideDetail(HttpStatusCode status) {
        if (status.is5xxServerError() && status.value() != 501 && status.value() != 505) {
            return "Something went wrong on our side. Please try again in a moment.";
        }
        return String.valueOf(shopperDetail(status, "The request could not be handled."));
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return Problems.answer(problem);
    }

    private static Problems.FieldProblem fieldProblem(FieldError error) {
        return new Problems.FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage()));
    }

    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

}
