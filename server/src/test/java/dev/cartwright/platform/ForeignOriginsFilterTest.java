package dev.cartwright.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The origin a request was sent to is the container's view of it: forwarded headers count only
 * once Tomcat took them from a trusted proxy (server.forward-headers-strategy), never because a
 * client wrote them.
 */
class ForeignOriginsFilterTest {

    private final ForeignOrigins filter = new ForeignOrigins(new HttpSettings(16384, List.of("https://partner.example")),
            new ProblemWriter(JsonMapper.builder().build()));

    private int status(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    private static MockHttpServletRequest change(String origin) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cart/leave");
        request.setScheme("http");
        request.setServerName("shop.example");
        request.setServerPort(8080);
        request.addHeader("Origin", origin);
        return request;
    }

    @Test
    void forwardedHeadersAClientWroteDoNotMakeAForeignOriginTheShopsOwn() throws Exception {
        MockHttpServletRequest spoofed = change("https://evil.example");
        spoofed.addHeader("X-Forwarded-Host", "evil.example");
        spoofed.addHeader("X-Forwarded-Proto", "https");
        spoofed.addHeader("Forwarded", "host=evil.example;proto=https");

        assertThat(status(spoofed)).isEqualTo(403);
    }

    @Test
    void theShopsOwnOriginAndTheConfiguredOnesMayChange() throws Exception {
        assertThat(status(change("http://shop.example:8080"))).isEqualTo(200);
        assertThat(status(change("HTTP://SHOP.EXAMPLE:8080"))).isEqualTo(200);
        assertThat(status(change("https://partner.example"))).isEqualTo(200);
        assertThat(status(change("http://shop.example:8080.evil.example"))).isEqualTo(403);
        assertThat(status(change("http://shop.example"))).as("another port is another origin").isEqualTo(403);
        assertThat(status(change("null"))).isEqualTo(403);
    }
}
