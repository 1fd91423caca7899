package dev.cartwright.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and summary of the OpenAPI document at /v3/api-docs, from which clients take their types. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI cartwrightApi() {
        // One server, the one serving the document, so that the document is the same wherever it is read.
        return new OpenAPI().servers(List.of(new Server().url("/"))).info(new Info()
                .title("Cartwright API")
                .version("1")
                .description("Catalog, cart and checkout. Every cart answer is the whole cart with its version; "
                        + "errors are RFC 9457 problems with a stable code; mutations accept an Idempotency-Key."));
    }
}
