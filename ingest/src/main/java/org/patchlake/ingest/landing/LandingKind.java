package org.patchlake.ingest.landing;

import java.util.List;

/** The landing kinds of the data contract. */
public final class LandingKind {
    public static final String ENROLLMENT = "enrollment";
    public static final String INVENTORY = "inventory";
    public static final String DELIVERY = "delivery";
    public static final String EVENT = "event";
    public static final List<String> ALL = List.of(ENROLLMENT, INVENTORY, DELIVERY, EVENT);

    private LandingKind() {
    }

    public static boolean isValid(String kind) {
        return ALL.contains(kind);
    }
}
