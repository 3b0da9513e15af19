package org.patchlake.core.protocol;

/**
 * One detection-rule result.
 *
 * @param updateId catalog update id {@code KB5034441|<AffectedProduct>}, or null when only the KB is known
 * @param kb       {@code KB5034441} (required)
 * @param ruleId   the rule's id in the catalog (required)
 * @param result   required
 * @param detail   e.g. the error, or the file version found; null allowed
 */
public record RuleResult(String updateId, String kb, String ruleId, RuleOutcome result, String detail) {
    public RuleResult {
        updateId = Checks.optionalText(updateId, "updateId");
        kb = Checks.kb(kb, "kb");
        ruleId = Checks.text(ruleId, "ruleId");
        Checks.required(result, "result");
        detail = Checks.optionalText(detail, "detail");
    }
}
