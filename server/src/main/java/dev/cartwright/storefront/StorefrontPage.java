package dev.cartwright.storefront;

import dev.cartwright.account.AccountView;
import dev.cartwright.account.Accounts;
import dev.cartwright.cart.CartView;
import dev.cartwright.cart.Carts;
import dev.cartwright.catalog.Catalog;
import dev.cartwright.catalog.ProductPage;
import dev.cartwright.catalog.ProductView;
import dev.cartwright.platform.Problems;
import dev.cartwright.shopper.SessionId;
import dev.cartwright.shopper.ShopperId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page of the storefront is the web app's index.html with the state it starts from: the
 * catalog's first page and the shopper's cart (created, with its cookie, on the first visit),
 * and on a product's page that product, which the app puts into its query cache before it first
 * renders.
 */
@Controller
class StorefrontPage {

    /** The state as the app reads it: {@code <script id="cartwright-state" type="application/json">}; no account for a guest. */
    record InitialState(ProductPage products, CartView cart, @Nullable AccountView account, @Nullable RequestedProduct product) {}

    /** The product a product page asked for, and what the catalog has of it: null when it has none. */
    record RequestedProduct(long id, @Nullable ProductView found) {}

    /**
     * A product id as the storefront writes it in its links: no sign, no leading zero, and small
     * enough to be the same number in the browser (below 2^53), so one product has one address.
     */
    private static final Pattern PRODUCT_ID = Pattern.compile("[1-9][0-9]{0,14}");

    private static final String TITLE = "Cartwright";

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
            "/orders", "/orders/{id}", "/signin", "/signup", "/ops", "/ops/**"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(ShopperId shopper,
            @RequestAttribute(name = SessionId.REQUEST_ATTRIBUTE, required = false) @Nullable SessionId session) {
        return render(HttpStatus.OK, TITLE, state(shopper, session, null));
    }

    /** A product's own page; one the catalog does not have, or an address no product has, is a 404 page that says so. */
    @GetMapping(path = "/products/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> product(@PathVariable String id, ShopperId shopper,
            @RequestAttribute(name = SessionId.REQUEST_ATTRIBUTE, required = false) @Nullable SessionId session) {
        RequestedProduct requested = null;
        if (PRODUCT_ID.matcher(id).matches()) {
            long productId = Long.parseLong(id);
            requested = new RequestedProduct(productId, catalog.product(productId).orElse(null));
        }
        ProductView found = requested == null ? null : requested.found();
        InitialState state = state(shopper, session, requested);
        return found == null
                ? render(HttpStatus.NOT_FOUND, "Product not found — " + TITLE, state)
                : render(HttpStatus.OK, found.name() + " — " + TITLE, state);
    }

    private InitialState state(ShopperId shopper, @Nullable SessionId session, @Nullable RequestedProduct product) {
        return new InitialState(catalog.firstPage(), carts.view(shopper), accounts.of(shopper, session).orElse(null), product);
    }

    private ResponseEntity<String> render(HttpStatus status, String title, InitialState initial) {
        if (template.isEmpty()) {
            throw Problems.failure(Problems.problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                    "The storefront is not part of this build; the API is at /api."));
        }
        // JSON inside a script element must not be able to close it.
        String state = json.writeValueAsString(initial).replace("<", "\\u003c");
        String page = template
                .replace("<title>" + TITLE + "</title>", "<title>" + HtmlUtils.htmlEscape(title, "UTF-8") + "</title>")
                .replace("</head>", "<script id=\"cartwright-state\" type=\"application/json\">" + state + "</script>\n</head>");
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML).body(page);
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
