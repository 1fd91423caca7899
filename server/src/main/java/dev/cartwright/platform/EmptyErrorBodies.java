package dev.cartwright.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The actuator answers an unknown path (/actuator/health/x) with a bare 404 and no body; like
 * every other error of the service, it answers a problem instead.
 */
@Component
@Order(FilterOrder.BODY_LIMIT + 5)
class EmptyErrorBodies extends OncePerRequestFilter {

    private static final RequestMatcher ACTUATOR = PathPatternRequestMatcher.pathPattern("/actuator/**");

    private final ProblemWriter problems;

    EmptyErrorBodies(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ACTUATOR.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper caught = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, caught);
        if (caught.getStatus() >= 400 && caught.getContentSize() == 0 && !response.isCommitted()) {
            HttpStatusCode status = HttpStatusCode.valueOf(caught.getStatus());
            problems.write(response, Problems.problem(status, ApiProblems.codeFor(status), ApiProblems.outsideDetail(status)));
            return;
        }
        caught.copyBodyToResponse();
    }
}
