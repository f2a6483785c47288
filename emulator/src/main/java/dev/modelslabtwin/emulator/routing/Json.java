package dev.modelslabtwin.emulator.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.openapitools.jackson.nullable.JsonNullableModule;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The emulator's one JSON mapper, configured for the generated models and exact money. Unset optional
 * fields are left out rather than written as {@code null}, which the contract forbids for
 * non-nullable fields; nullable fields hold a {@code JsonNullable} and are written when set, null or not.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(wholeSeconds())
            .registerModule(new JsonNullableModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Keeps 25.50 as 25.50 on its way through a JSON tree: amounts keep the scale they were sent with.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Json() {
    }

    /**
     * Every time is written in UTC to the whole second, {@code 2026-03-21T09:30:00Z}, as each documented
     * example shows one: here, once, for every field of every answer, rather than field by field.
     */
    private static SimpleModule wholeSeconds() {
        SimpleModule module = new SimpleModule("whole-seconds");
        module.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS)));
            }
        });
        module.addSerializer(OffsetDateTime.class, new StdSerializer<>(OffsetDateTime.class) {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(DateTimeFormatter.ISO_INSTANT.format(value.toInstant().truncatedTo(ChronoUnit.SECONDS)));
            }
        });
        return module;
    }
}
