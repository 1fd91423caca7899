package dev.cartwright.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text PostgreSQL keeps as it was sent. A JSON string holding the NUL character (which text cannot
 * store: a 500 at the database) or half of a UTF-16 surrogate pair (escaped as {@code \ud800}, no
 * character at all: stored as {@code ?}, so that two spellings would name one email) is refused as
 * the field's bad format (400) when it is read, for every API.
 */
@Configuration(proxyBeanMethods = false)
class StorableText {

    @Bean
    JacksonModule refuseUnstorableText() {
        return new SimpleModule("storable-text").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String text = super.deserialize(parser, context);
                String refusal = refusal(text);
                if (refusal != null) {
                    return (String) context.handleWeirdStringValue(String.class, text, refusal);
                }
                return text;
            }
        });
    }

    private static @Nullable String refusal(@Nullable String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "text may not contain the NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "text may not contain half of a surrogate pair";
            }
        }
        return null;
    }
}
