package dev.cartwright.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads every request's body into memory, refusing one over the limit with 413 before any work
 * is done, whatever the path. Chunked bodies, which announce no length, are counted as they are read.
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

    private void refuse(HttpServletResponse response) throws IOException {
        // The rest of the body is not read; the connection must not be reused for another request.
        response.setHeader("Connection", "close");
        problems.write(response, Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request is larger than " + maxBytes + " bytes."));
    }
}
