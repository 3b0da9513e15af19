package org.patchlake.ingest.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.time.LocalDate;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.UpdateSource;

/**
 * {@link InstalledUpdate} read field by field: an inventory carries hundreds of them and they are most of the
 * cost of validating one, which Jackson's general record path (creator buffer, property map, reflective
 * constructor call) roughly doubles. It behaves as that path does: values go through the same deserializers as
 * elsewhere (strict strings, {@code YYYY-MM-DD} dates, enum names), an unknown field or wrong token is the same
 * mapping error, and the record's own constructor does the checks, its {@code ProtocolViolation} surfacing as a
 * {@link ValueInstantiationException} so the error names {@code installedUpdates[3].kb}.
 */
final class InstalledUpdateDeserializer extends StdDeserializer<InstalledUpdate> implements ResolvableDeserializer {
    private static final UpdateSource[] SOURCES = UpdateSource.values();

    private JsonDeserializer<Object> strings;
    private JsonDeserializer<Object> dates;
    private JsonDeserializer<Object> sources;

    InstalledUpdateDeserializer() {
        super(InstalledUpdate.class);
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        strings = context.findRootValueDeserializer(context.constructType(String.class));
        dates = context.findRootValueDeserializer(context.constructType(LocalDate.class));
        sources = context.findRootValueDeserializer(context.constructType(UpdateSource.class));
    }

    /** The source by its name read in place (no String per entry); anything else goes to the enum deserializer. */
    private UpdateSource source(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            char[] characters = parser.getTextCharacters();
            int offset = parser.getTextOffset();
            int length = parser.getTextLength();
            for (UpdateSource candidate : SOURCES) {
                String name = candidate.name();
                if (name.length() == length && matches(name, characters, offset)) {
                    return candidate;
                }
            }
        }
        return (UpdateSource) sources.deserialize(parser, context);
    }

    private static boolean matches(String name, char[] characters, int offset) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) != characters[offset + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public InstalledUpdate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (InstalledUpdate) context.handleUnexpectedToken(InstalledUpdate.class, parser);
        }
        String kb = null;
        LocalDate installedOn = null;
        UpdateSource source = null;
        String field;
        while ((field = parser.nextFieldName()) != null) {
            boolean isNull = parser.nextToken() == JsonToken.VALUE_NULL;
            if (!field.equals("kb") && !field.equals("installedOn") && !field.equals("source")) {
                context.handleUnknownProperty(parser, this, InstalledUpdate.class, field); // the error names the field itself
                continue;
            }
            try {
                switch (field) {
                    case "kb" -> kb = isNull ? null : (String) strings.deserialize(parser, context);
                    case "installedOn" -> installedOn = isNull ? null : (LocalDate) dates.deserialize(parser, context);
                    default -> source = isNull ? null : source(parser, context);
                }
            } catch (JsonMappingException invalidValue) {
                throw JsonMappingException.wrapWithPath(invalidValue, InstalledUpdate.class, field);
            }
        }
        if (!parser.hasToken(JsonToken.END_OBJECT)) {
            return (InstalledUpdate) context.handleUnexpectedToken(InstalledUpdate.class, parser);
        }
        try {
            return new InstalledUpdate(kb, installedOn, source);
        } catch (RuntimeException invalid) {
            throw ValueInstantiationException.from(parser, "Cannot construct instance of " + InstalledUpdate.class.getName()
                    + ", problem: " + invalid.getMessage(), getValueType(context), invalid);
        }
    }
}
