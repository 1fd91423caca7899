package dev.cartwright.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * PostgreSQL cannot store the NUL character in text, so a JSON string holding one is refused as
 * the field's bad format (400) when it is read, instead of failing at the database (500).
 */
@Configuration(proxyBeanMethods = false)
class TextWithoutNul {

    @Bean
    JacksonModule refuseNulInText() {
        return new SimpleModule("text-without-nul").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String text = super.deserialize(parser, context);
                if (text != null && text.indexOf('\u0000') >= 0) {
                    return (String) context.handleWeirdStringValue(String.class, text, "text may not contain the NUL character");
                }
                return text;
            }
        });
    }
}
