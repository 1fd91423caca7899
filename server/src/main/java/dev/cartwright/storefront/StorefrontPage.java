package dev.cartwright.storefront;

import dev.cartwright.account.AccountView;
import dev.cartwright.account.Accounts;
import dev.cartwright.cart.CartView;
import dev.cartwright.cart.Carts;
import dev.cartwright.catalog.Catalog;
import dev.cartwright.catalog.ProductPage;
import dev.cartwright.platform.Problems;
import dev.cartwright.shopper.SessionId;
import dev.cartwright.shopper.ShopperId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page of the storefront is the web app's index.html with the state it starts from: the
 * catalog's first page and the shopper's cart (created, with its cookie, on the first visit),
 * which the app puts into its query cache before it first renders.
 */
@Controller
class StorefrontPage {

    /** The state as the app reads it: {@code <script id="cartwright-state" type="application/json">}; no account for a guest. */
    record InitialState(ProductPage products, CartView cart, @Nullable AccountView account) {}

    private final Catalog catalog;
    private final Carts carts;
    private final Accounts accounts;
    private final JsonMapper json;
    private final String template;

    StorefrontPage(Catalog catalog, Carts carts, Accounts accounts, JsonMapper json) {
        this.catalog = catalog;
        this.carts = carts;
        this.accounts = accounts;
        this.json = json;
        this.template = loadTemplate();
    }

    @GetMapping(path = {"/", "/checkout", "/checkout/{id}", "/checkout/{id}/complete", "/join/{token}",
            "/orders", "/orders/{id}", "/signin", "/signup"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(ShopperId shopper,
            @RequestAttribute(name = SessionId.REQUEST_ATTRIBUTE, required = false) @Nullable SessionId session) {
        if (template.isEmpty()) {
            throw Problems.failure(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                    "The storefront is not part of this build; the API is at /api."));
        }
        // JSON inside a script element must not be able to close it.
        String state = json.writeValueAsString(new InitialState(catalog.firstPage(), carts.view(shopper),
                        accounts.of(shopper, session).orElse(null)))
                .replace("<", "\\u003c");
        String page = template.replace("</head>",
                "<script id=\"cartwright-state\" type=\"application/json\">" + state + "</script>\n</head>");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML).body(page);
    }

    private static String loadTemplate() {
        ClassPathResource index = new ClassPathResource("static/index.html");
        if (!index.exists()) {
            return "";
        }
        try (InputStream in = index.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
