package org.patchlake.core.catalog;

import java.util.Arrays;

/** Whether installing an update restarts the computer. wesng data has no restart information: MAY_REQUIRE. */
public enum RestartBehaviour {
    MAY_REQUIRE("may_require"),
    NEVER("never"),
    ALWAYS("always");

    private final String code;

    RestartBehaviour(String code) {
        this.code = code;
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
