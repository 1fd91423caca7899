package dev.cartwright.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages of the storefront that a browser may load directly: the app (index.html) shows them. */
@Controller
class StorefrontRoutes {

    @GetMapping({"/checkout", "/checkout/{id}/complete"})
    String app() {
        return "forward:/index.html";
    }
}
