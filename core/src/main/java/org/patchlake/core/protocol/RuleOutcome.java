package org.patchlake.core.protocol;

/** Result of evaluating one detection rule. */
public enum RuleOutcome {
    /** The rule holds (e.g. the update is installed / applicable, depending on the rule). */
    TRUE,
    FALSE,
    /** The rule could not be evaluated (missing key, access denied, ...). */
    ERROR
}
