package org.patchlake.ingest;

import io.javalin.http.Context;
import org.patchlake.core.protocol.ErrorBody;
import org.patchlake.core.protocol.ErrorCode;
import org.patchlake.ingest.http.ProtocolJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures of agent requests become HTTP status and a JSON {@link ErrorBody}. */
final class IngestErrors {
    private static final Logger log = LoggerFactory.getLogger(IngestErrors.class);

    private IngestErrors() {
    }

    /** Anything a handler throws, as an {@link IngestException} (unexpected ones become a 500 without details). */
    static IngestException translate(Exception failure) {
        if (failure instanceof IngestException ingest) {
            return ingest;
        }
        log.error("unexpected failure in an agent request", failure);
        return new IngestException(ErrorCode.INTERNAL, null, "internal error; nothing was stored, send the message again", failure);
    }

    static void render(IngestException failure, Context ctx, ProtocolJson json) {
        ErrorCode code = failure.code();
        if (code.status() >= 500 && code != ErrorCode.INTERNAL) {
            log.warn("agent request {} {} failed: {}", ctx.method(), ctx.path(), failure.getMessage());
        }
        ctx.status(code.status())
                .contentType("application/json")
                .result(json.write(new ErrorBody(code.wire(), failure.field(), failure.getMessage())));
    }
}
