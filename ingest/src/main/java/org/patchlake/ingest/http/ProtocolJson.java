package org.patchlake.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import org.patchlake.core.protocol.ErrorCode;
import org.patchlake.core.protocol.ProtocolViolation;
import org.patchlake.ingest.IngestException;

/**
 * The one Jackson configuration of the wire (and of landing lines), and the translation of every parse or
 * validation failure into an {@link IngestException} naming the field path ({@code installedUpdates[3].kb}).
 */
public final class ProtocolJson {
    private final ObjectMapper mapper;

    public ProtocolJson() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("strict-instants")
                        .addDeserializer(java.time.Instant.class, new StrictInstantDeserializer())
                        .addDeserializer(java.time.LocalDate.class, new IsoLocalDateDeserializer())
                        .addDeserializer(org.patchlake.core.protocol.InstalledUpdate.class, new InstalledUpdateDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        // Dates and times only in their ISO string form (no epoch numbers), so landing holds one representation.
        for (Class<?> type : List.of(java.time.LocalTime.class)) {
            mapper.configOverride(type).setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forLeniency(false));
        }
        // Whole numbers only as JSON integers: 1.5 (or 1.0) in scanDurationMs, returnCode, managedLevel ... is refused.
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** A parsed and validated document, and whether its text had no line break (CR or LF) anywhere. */
    public record Parsed<T>(T value, boolean singleLine) {
    }

    /** Parses and validates a request body; every failure is a 400 naming the field. */
    public <T> T read(byte[] json, Class<T> type) {
        return parse(json, type).value();
    }

    /** As {@link #read}, refusing any timestamp or date outside {@code window} (agent messages). */
    public <T> T read(byte[] json, Class<T> type, TimeWindow window) {
        return parse(json, type, window).value();
    }

    /** As {@link #parse(byte[], Class)}, refusing any timestamp or date outside {@code window} (agent messages). */
    public <T> Parsed<T> parse(byte[] json, Class<T> type, TimeWindow window) {
        return parse(json, type, mapper.readerFor(type).withAttribute(TimeWindow.ATTRIBUTE, window));
    }

    /**
     * As {@link #read}, also telling whether the text is one line: JSON allows raw line breaks only as whitespace
     * between tokens, and the parser counts them as it skips them, so this costs nothing.
     */
    public <T> Parsed<T> parse(byte[] json, Class<T> type) {
        return parse(json, type, mapper.readerFor(type));
    }

    private <T> Parsed<T> parse(byte[] json, Class<T> type, ObjectReader reader) {
        if (json.length == 0) {
            throw new IngestException(ErrorCode.MALFORMED_JSON, null, "request body is empty; expected a " + type.getSimpleName() + " JSON object");
        }
        try (JsonParser parser = mapper.createParser(json)) {
            T value = reader.readValue(parser);
            if (value == null) {
                throw new IngestException(ErrorCode.SCHEMA_VIOLATION, null, "the body is JSON null; expected a "
                        + type.getSimpleName() + " JSON object");
            }
            return new Parsed<>(value, parser.currentLocation().getLineNr() == 1);
        } catch (TimeOutOfRangeException e) {
            String field = path(e.getPath());
            throw new IngestException(ErrorCode.SCHEMA_VIOLATION, field, "field " + field + ": " + e.getOriginalMessage(), e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            String prefix = path(e.getPath());
            if (cause instanceof ProtocolViolation violation) {
                String field = prefix.isEmpty() ? violation.field() : prefix + "." + violation.field();
                throw new IngestException(ErrorCode.SCHEMA_VIOLATION, field, "field " + field + " " + violation.reason(), e);
            }
            String detail = cause == null ? e.getOriginalMessage() : cause.getMessage();
            throw new IngestException(ErrorCode.SCHEMA_VIOLATION, prefix.isEmpty() ? null : prefix, "invalid value at "
                    + (prefix.isEmpty() ? "top level" : prefix) + ": " + detail, e);
        } catch (UnrecognizedPropertyException e) {
            String field = path(e.getPath());
            throw new IngestException(ErrorCode.SCHEMA_VIOLATION, field, "unknown field " + field + " (protocol v1 does not have it)", e);
        } catch (StreamReadException e) {
            throw new IngestException(ErrorCode.MALFORMED_JSON, null, "malformed JSON at line " + e.getLocation().getLineNr()
                    + " column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException syntax) {
                throw new IngestException(ErrorCode.MALFORMED_JSON, null, "malformed JSON at line " + syntax.getLocation().getLineNr()
                        + " column " + syntax.getLocation().getColumnNr() + ": " + syntax.getOriginalMessage(), e);
            }
            String field = path(e.getPath());
            if (field.isEmpty()) {
                throw new IngestException(ErrorCode.SCHEMA_VIOLATION, null, "expected a " + type.getSimpleName()
                        + " JSON object: " + e.getOriginalMessage(), e);
            }
            throw new IngestException(ErrorCode.SCHEMA_VIOLATION, field, "field " + field + " has the wrong type or format: "
                    + firstLine(e.getOriginalMessage()), e);
        } catch (JacksonException e) {
            throw new IngestException(ErrorCode.MALFORMED_JSON, null, "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IngestException(ErrorCode.MALFORMED_JSON, null, "unreadable JSON: " + e.getMessage(), e);
        }
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
