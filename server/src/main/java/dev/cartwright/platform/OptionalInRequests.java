package dev.cartwright.platform;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * A request may leave out a member that may be null (a checkout's coupon code, say), while an
 * answer always carries it: schemas only requests use are relaxed so, in the OpenAPI document.
 */
@Component
class OptionalInRequests implements OpenApiCustomizer {

    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<String> requests = new HashSet<>();
        Set<String> answers = new HashSet<>();
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                reachable(operation.getRequestBody().getContent(), schemas, requests);
            }
            operation.getResponses().values().forEach(response -> reachable(response.getContent(), schemas, answers));
        }));
        requests.removeAll(answers);
        for (String name : requests) {
            Schema<?> schema = schemas.get(name);
            if (schema.getRequired() != null && schema.getProperties() != null) {
                schema.getRequired().removeIf(property -> mayBeNull(schema.getProperties().get(property)));
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void reachable(@Nullable Content content, Map<String, Schema> schemas, Set<String> names) {
        if (content != null) {
            content.values().forEach(media -> reachable(media.getSchema(), schemas, names));
        }
    }

    @SuppressWarnings("rawtypes")
    private static void reachable(@Nullable Schema<?> schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(REF_PREFIX.length());
            if (names.add(name)) {
                reachable(schemas.get(name), schemas, names);
            }
            return;
        }
        Stream.of(schema.getProperties() == null ? List.<Schema>of() : List.copyOf(schema.getProperties().values()),
                        schema.getAnyOf() == null ? List.<Schema>of() : List.<Schema>copyOf(schema.getAnyOf()),
                        schema.getItems() == null ? List.<Schema>of() : List.<Schema>of(schema.getItems()))
                .flatMap(List::stream)
                .forEach(inner -> reachable(inner, schemas, names));
    }

    private static boolean mayBeNull(@Nullable Schema<?> property) {
        return property != null && ((property.getTypes() != null && property.getTypes().contains("null"))
                || (property.getAnyOf() != null && property.getAnyOf().stream()
                        .anyMatch(option -> option.getTypes() != null && option.getTypes().contains("null"))));
    }
}
