package dev.cartwright.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every operation's refusals in the OpenAPI document: an RFC 9457 problem with its stable
 * {@code code}, under {@code 4XX} and {@code 5XX}; a controller documents a more specific one under
 * its own status (the cart's {@code INSUFFICIENT_STOCK}, the checkout's {@code STOCK_CONFLICT}).
 */
@Component
class ProblemSchemas implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public void customise(OpenAPI api) {
        Schema<Object> schema = new ObjectSchema();
        schema.description("An RFC 9457 problem. `code` is stable and for clients to branch on; `detail` is written "
                        + "for the shopper. Some problems carry more members, named in their own schemas.")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("code", new StringSchema().example("VALIDATION_FAILED"))
                .additionalProperties(true);
        schema.setRequired(List.of("status", "detail", "code"));
        api.getComponents().addSchemas(PROBLEM, schema);
        Content problem = new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            operation.getResponses().addApiResponse("4XX", new ApiResponse()
                    .description("Refused: nothing was changed").content(problem));
            operation.getResponses().addApiResponse("5XX", new ApiResponse()
                    .description("The shop cannot answer now (503 with Retry-After): nothing was changed").content(problem));
        }));
    }
}
