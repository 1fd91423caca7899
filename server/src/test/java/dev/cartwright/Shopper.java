package dev.cartwright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A guest talking to the service over real HTTP, keeping the shopper cookie like a browser.
 * Safe to use from many threads at once.
 */
public final class Shopper {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http;

    private final CookieManager cookies;

    public Shopper(URI base) {
        this(base, new CookieManager());
    }

    private Shopper(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The same guest, with the same cookies, talking to another service node or a restarted one. */
    public Shopper at(URI otherBase) {
        return new Shopper(otherBase, cookies);
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, @Nullable String json, String... headers) {
        return send("POST", path, json, headers);
    }

    public Response put(String path, @Nullable String json, String... headers) {
        return send("PUT", path, json, headers);
    }

    public Response patch(String path, @Nullable String json, String... headers) {
        return send("PATCH", path, json, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Sends a request; {@code headers} are name, value pairs. A JSON body gets its Content-Type. */
    public Response send(String method, String path, @Nullable String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method, json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI base() {
        return base;
    }

    /** The Cookie header this guest's browser would send, for a WebSocket handshake. */
    public String cookieHeader() {
        return cookies.getCookieStore().get(base).stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElse("");
    }

    /** An answer: status, headers and body, with the body's JSON at hand. */
    public record Response(int status, HttpResponse<String> raw, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The problem's stable code, for error answers. */
        public String code() {
            return json().path("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
