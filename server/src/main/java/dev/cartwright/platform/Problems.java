package dev.cartwright.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems with a stable {@code code} that clients branch on, and a {@code detail}
 * written for the shopper who may read it.
 */
public final class Problems {

    private Problems() {}

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    /** The problem as an answer, for a refusal that is a common outcome rather than an exception (a sold-out drop's). */
    public static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Ends request handling with this problem as the response. */
    public static ErrorResponseException failure(ProblemDetail problem) {
        return new ErrorResponseException(HttpStatus.valueOf(problem.getStatus()), problem, null);
    }

    public static ProblemDetail validationFailed(List<FieldProblem> errors) {
        String detail = errors.size() == 1
                ? "The field '" + errors.getFirst().field() + "' " + errors.getFirst().detail() + "."
                : "Some fields are not valid: see errors.";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** One invalid field: {@code field} is a JSON path like {@code quantity} or {@code items[2].id}. */
    public record FieldProblem(String field, String detail) {}

    /** The problem as the flat JSON object RFC 9457 describes. */
    static Map<String, @Nullable Object> body(ProblemDetail problem) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        // Spring Framework 7 leaves the type unset (null), which RFC 9457 reads as "about:blank".
        if (problem.getType() != null) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
