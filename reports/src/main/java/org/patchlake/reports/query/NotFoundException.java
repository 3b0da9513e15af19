package org.patchlake.reports.query;

/**
 * A drill-down id that does not exist in the snapshot or lies outside the viewer's scope. The two cases are
 * deliberately indistinguishable, so a scoped viewer cannot probe for other regions' computers. Web maps it
 * to 404; an id that exists but has no rows for the step gives an empty result instead.
 */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' not found (or not in your scope)");
    }
}
