package org.patchlake.core.rules;

/**
 * Three-valued result of a rule: a fact that could not be read makes the result UNKNOWN unless the other
 * operands decide it ({@code or} with a TRUE operand is TRUE, {@code and} with a FALSE operand is FALSE).
 */
public enum RuleVerdict {
    TRUE, FALSE, UNKNOWN;

    public static RuleVerdict of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public RuleVerdict not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
