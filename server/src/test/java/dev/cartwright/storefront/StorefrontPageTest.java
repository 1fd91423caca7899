package dev.cartwright.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.account.AccountCalls;
import dev.cartwright.catalog.Product;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StorefrontPageTest extends ServiceTest {

    private static final Pattern STATE = Pattern.compile(
            "<script id=\"cartwright-state\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL);

    private static JsonNode state(Shopper.Response page) {
        Matcher matcher = STATE.matcher(page.body());
        assertThat(matcher.find()).as("the page carries its state").isTrue();
        return Shopper.JSON.readTree(matcher.group(1));
    }

    @Test
    void hashedAssetsAreKeptForAYearAndTextTravelsCompressed() throws Exception {
        Shopper guest = newShopper();
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(guest.get("/").body());
        assertThat(script.find()).as("the page names its hashed script").isTrue();

        java.net.http.HttpResponse<byte[]> asset = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(guest.base().resolve(script.group(1))).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("max-age=31536000", "public", "immutable"));
        assertThat(asset.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(asset.body())).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)).isNotEmpty();
        assertThat(guest.get("/").header("Cache-Control")).as("the page itself is never kept").contains("no-store");
    }

    @Test
    void theFirstPageCarriesTheCatalogAndANewGuestsCartWithItsCookie() {
        Shopper guest = newShopper();

        Shopper.Response page = guest.get("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie).startsWith("cartwright_shopper="));
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("<div id=\"root\"></div>", "/assets/");
        JsonNode state = state(page);
        assertThat(state.path("products").path("items")).hasSize(24);
        assertThat(state.path("products").path("nextCursor").asString()).isNotEmpty();
        assertThat(state.path("cart").path("version").asLong()).isZero();
        assertThat(state.path("cart").path("id").asString()).isEqualTo(guest.get("/api/cart").json().path("id").asString());
    }

    @Test
    void everyStorefrontPageCarriesTheShoppersCurrentCartSafelyEscaped() {
        Product product = newProduct("Evil </script><img src=x> Mug", 700, 5);
        Shopper shopper = newShopper();
        shopper.post("/api/cart/items", "{\"productId\": %d, \"quantity\": 2}".formatted(product.id()));

        for (String path : new String[] {"/", "/checkout", "/checkout/5f0b1ad4-61c6-4a8f-b4ae-3c1d0b5a5b1e",
                "/checkout/5f0b1ad4-61c6-4a8f-b4ae-3c1d0b5a5b1e/complete", "/orders",
                "/orders/5f0b1ad4-61c6-4a8f-b4ae-3c1d0b5a5b1e", "/ops", "/ops/products/7/drop", "/ops/refunds"}) {
            Shopper.Response page = shopper.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).doesNotContain("</script><img");
            JsonNode cart = state(page).path("cart");
            assertThat(cart.path("version").asLong()).isEqualTo(1);
            assertThat(cart.path("items").get(0).path("name").asString()).isEqualTo("Evil </script><img src=x> Mug");
        }
    }

    @Test
    void aSignedInBrowsersPagesCarryItsAccountAndAGuestsNone() {
        Shopper guest = newShopper();
        assertThat(state(guest.get("/signin")).path("account").isNull()).isTrue();

        Shopper member = newShopper();
        String email = AccountCalls.newEmail();
        assertThat(AccountCalls.signUp(member, email, AccountCalls.PASSWORD, "Ada Quill").status()).isEqualTo(201);

        for (String path : new String[] {"/", "/signin", "/signup"}) {
            Shopper.Response page = member.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            JsonNode account = state(page).path("account");
            assertThat(account.path("email").asString()).isEqualTo(email);
            assertThat(account.path("name").asString()).isEqualTo("Ada Quill");
        }
        member.post("/api/account/signout", null);
        assertThat(state(member.get("/")).path("account").isNull()).as("signed out").isTrue();
    }

    @Test
    void aProductsPageCarriesTheProductUnderItsNameAndTheShoppersCart() {
        Product product = newProduct("Evil </script><b>Kettle</b>", 4200, 3);
        Shopper guest = newShopper();

        Shopper.Response page = guest.get("/products/" + product.id());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie).startsWith("cartwright_shopper="));
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("<title>Evil &lt;/script&gt;&lt;b&gt;Kettle&lt;/b&gt; — Cartwright</title>")
                .doesNotContain("</script><b>");
        JsonNode state = state(page);
        assertThat(state.path("product").path("id").asLong()).isEqualTo(product.id());
        JsonNode found = state.path("product").path("found");
        assertThat(found.path("name").asString()).isEqualTo("Evil </script><b>Kettle</b>");
        assertThat(found.path("unitPrice").asLong()).isEqualTo(4200);
        assertThat(found.path("available").asInt()).isEqualTo(3);
        assertThat(found.path("stockVersion").isNumber()).isTrue();
        assertThat(state.path("cart").path("id").asString()).isEqualTo(guest.get("/api/cart").json().path("id").asString());
        assertThat(state.path("products").path("items")).hasSize(24);
    }

    @Test
    void aProductTheShopDoesNotHaveIsANotFoundPageForEverySpellingOfItsAddress() {
        Shopper guest = newShopper();

        for (String id : new String[] {"999999999", "0", "007", "-1", "1.5", "1e3", "abc", "%20", "99999999999999999999"}) {
            Shopper.Response page = guest.get("/products/" + id);
            assertThat(page.status()).as(id).isEqualTo(404);
            assertThat(page.contentType()).as(id).startsWith("text/html");
            assertThat(page.body()).as(id).contains("<div id=\"root\"></div>", "<title>Product not found — Cartwright</title>");
            assertThat(state(page).path("product").path("found").isMissingNode() || state(page).path("product").path("found").isNull())
                    .as(id).isTrue();
        }
        assertThat(state(guest.get("/products/999999999")).path("product").path("id").asLong())
                .as("an unknown product's answer is cached under its id").isEqualTo(999999999);
        assertThat(state(guest.get("/products/abc")).path("product").isNull()).as("an address no product can have").isTrue();
    }
}
