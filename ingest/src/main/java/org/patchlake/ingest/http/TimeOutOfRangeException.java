package org.patchlake.ingest.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A well-formed timestamp or date outside the {@link TimeWindow} of agent messages; the path names the field. */
final class TimeOutOfRangeException extends JsonMappingException {
    TimeOutOfRangeException(JsonParser parser, String message) {
        super(parser, message);
    }
}
