package dev.cartwright.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request's body into memory, refusing one over the limit with 413 before any work
 * is done, whatever the path, and one whose Content-Type names no type with 415. Chunked bodies, which announce no length, are counted as they are read.
 */
@Component
@Order(FilterOrder.BODY_LIMIT)
class RequestBodyLimit extends OncePerRequestFilter {

    private final int maxBytes;
    private final ProblemWriter problems;

    RequestBodyLimit(HttpSettings settings, ProblemWriter problems) {
        this.maxBytes = settings.maxRequestBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        if (!concrete(request.getContentType())) {
            // Spring cannot even represent a body of type */* (it throws), so it is refused here.
            problems.write(response, Problems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    ApiProblems.shopperDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, null)));
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        }
        if (body.length > maxBytes) {
            refuse(response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /** No Content-Type, or one that names a type; a wildcard or unreadable one names none. */
    private static boolean concrete(@Nullable String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        // The rest of the body is not read; the connection must not be reused for another request.
        response.setHeader("Connection", "close");
        problems.write(response, Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request is larger than " + maxBytes + " bytes."));
    }
}
