package org.patchlake.agent.endpoint.windows;

import java.util.ArrayDeque;
import java.util.Deque;

/** Owns the COM objects one piece of work obtained and releases each once, newest first, when it closes. */
final class ComScope implements AutoCloseable {

    /** Anything holding one COM reference. */
    interface Owned {
        void release();
    }

    private final Deque<Owned> owned = new ArrayDeque<>();

    /** Creates an automation object by ProgID ({@code Microsoft.Update.Session}); it is released with the scope. */
    ComDispatch create(String progId) {
        return track(ComDispatch.create(progId));
    }

    <T extends Owned> T track(T object) {
        owned.push(object);
        return object;
    }

    int size() {
        return owned.size();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (!owned.isEmpty()) {
            try {
                owned.pop().release();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
