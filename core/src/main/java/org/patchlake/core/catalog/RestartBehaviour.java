package org.patchlake.core.catalog;

import java.util.Arrays;

/** Whether installing an update restarts the computer. wesng data has no restart information: MAY_REQUIRE. */
public enum RestartBehaviour {
    MAY_REQUIRE("may_require", "may need a restart"),
    NEVER("never", "no restart"),
    ALWAYS("always", "restart required");

    private final String code;
    private final String description;

    RestartBehaviour(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Words for people: "may need a restart", "no restart", "restart required". */
    public String description() {
        return description;
    }

    /** The words for a warehouse value; the value itself when it is not one (an older or foreign catalog). */
    public static String describe(String code) {
        return Arrays.stream(values()).filter(value -> value.code.equals(code)).findFirst()
                .map(RestartBehaviour::description).orElse(code);
    }

    /** The warehouse value: "may_require", "never" or "always". */
    public String code() {
        return code;
    }

    public static RestartBehaviour fromCode(String code) {
        return Arrays.stream(values())
                .filter(value -> value.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a restart behaviour: '" + code + "'"));
    }
}
