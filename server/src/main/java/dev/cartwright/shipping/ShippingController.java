package dev.cartwright.shipping;

import dev.cartwright.cart.CartView;
import dev.cartwright.cart.Carts;
import dev.cartwright.order.IsoCountry;
import dev.cartwright.shopper.ShopperId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ShippingController {

    private final ShippingRates rates;
    private final Carts carts;

    ShippingController(ShippingRates rates, Carts carts) {
        this.rates = rates;
        this.carts = carts;
    }

    @GetMapping("/api/shipping/methods")
    ShippingQuote methods(ShopperId shopper, @RequestParam @IsoCountry String country) {
        CartView.Totals totals = carts.view(shopper).totals();
        long goods = totals.subtotal() - totals.discount();
        return new ShippingQuote(country, rates.zoneOf(country), goods, totals.currency(), rates.options(country, goods));
    }
}
