package dev.cartwright.realtime;

import static dev.cartwright.account.AccountCalls.PASSWORD;
import static dev.cartwright.account.AccountCalls.newAccount;
import static dev.cartwright.account.AccountCalls.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartwright.ServiceTest;
import dev.cartwright.Shopper;
import dev.cartwright.catalog.Product;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sockets follow who the browser is: signing in on one device shows the merged cart on every other, live. */
class AccountSocketTest extends ServiceTest {

    @Test
    void aSignInPushesTheMergedCartToTheAccountsOtherDevicesAndItsOwnSocketFollowsTheAccount() throws Exception {
        Product lamp = newProduct("Socket Lamp", 4000, 10);
        Shopper device = newShopper();
        String email = newAccount(device);
        LiveSocket onDevice = new LiveSocket(device, device.base(), null);
        String accountCart = onDevice.await(message -> message.path("type").asString().equals("cart"), 10)
                .path("cart").path("id").asString();
        Shopper guest = newShopper();
        guest.put("/api/cart/products/" + lamp.id(), "{\"quantity\": 2}");
        LiveSocket asGuest = new LiveSocket(guest, guest.base(), null);
        asGuest.await(message -> message.path("type").asString().equals("cart"), 10);

        signIn(guest, email, PASSWORD);

        JsonNode pushed = onDevice.await(message -> message.path("cart").path("items").size() == 1, 10).path("cart");
        assertThat(pushed.path("id").asString()).isEqualTo(accountCart);
        assertThat(pushed.path("items").get(0).path("productId").asLong()).isEqualTo(lamp.id());
        assertThat(asGuest.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4001);
        LiveSocket reconnected = new LiveSocket(guest, guest.base(), null);
        JsonNode shown = reconnected.await(message -> message.path("type").asString().equals("cart"), 10).path("cart");
        assertThat(shown).isEqualTo(guest.get("/api/cart").json());
        assertThat(shown.path("id").asString()).isEqualTo(accountCart);
        guest.put("/api/cart/products/" + lamp.id(), "{\"quantity\": 3}");
        assertThat(onDevice.await(message -> message.path("cart").path("items").path(0).path("quantity").asInt() == 3, 10)
                .path("cart").path("id").asString()).isEqualTo(accountCart);
        onDevice.close();
        reconnected.close();
    }

    @Test
    void signingOutClosesThatBrowsersSocketAndNoOtherDevicesOfTheAccount() throws Exception {
        Product lamp = newProduct("Socket Sign-out Lamp", 4000, 10);
        Shopper leaving = newShopper();
        String email = newAccount(leaving);
        Shopper staying = newShopper();
        signIn(staying, email, PASSWORD);
        LiveSocket onLeaving = new LiveSocket(leaving, leaving.base(), null);
        LiveSocket onStaying = new LiveSocket(staying, staying.base(), null);
        onLeaving.await(message -> message.path("type").asString().equals("cart"), 10);
        onStaying.await(message -> message.path("type").asString().equals("cart"), 10);

        leaving.post("/api/account/signout", null);

        assertThat(onLeaving.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4001);
        staying.put("/api/cart/products/" + lamp.id(), "{\"quantity\": 1}");
        onStaying.await(message -> message.path("cart").path("items").size() == 1, 10);
        assertThat(onStaying.closed).isNotDone();
        LiveSocket asNewGuest = new LiveSocket(leaving, leaving.base(), null);
        assertThat(asNewGuest.await(message -> message.path("type").asString().equals("cart"), 10)
                .path("cart").path("items").size()).isZero();
        onStaying.close();
        asNewGuest.close();
    }
}
