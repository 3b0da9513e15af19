package org.patchlake.core.rules;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates a {@link DetectionRule} against {@link EndpointFacts}. Facts that cannot be read are recorded as
 * errors (with the rule part that asked) and make that part UNKNOWN; evaluation never throws for them.
 */
public final class RuleEvaluator {

    /** The result and the facts that could not be read on the way. */
    public record Evaluation(RuleResult result, List<String> errors) {
        public Evaluation {
            requireNonNull(result, "result is null");
            errors = List.copyOf(errors);
        }
    }

    private final EndpointFacts facts;

    public RuleEvaluator(EndpointFacts facts) {
        this.facts = requireNonNull(facts, "facts is null");
    }

    public Evaluation evaluate(DetectionRule rule) {
        List<String> errors = new ArrayList<>();
        RuleResult result = evaluate(rule, errors);
        return new Evaluation(result, errors);
    }

    private RuleResult evaluate(DetectionRule rule, List<String> errors) {
        if (rule instanceof DetectionRule.And and) {
            RuleResult result = RuleResult.TRUE;
            for (DetectionRule operand : and.operands()) {
                RuleResult value = evaluate(operand, errors);
                if (value == RuleResult.FALSE) {
                    return RuleResult.FALSE;
                }
                if (value == RuleResult.UNKNOWN) {
                    result = RuleResult.UNKNOWN;
                }
            }
            return result;
        }
        if (rule instanceof DetectionRule.Or or) {
            RuleResult result = RuleResult.FALSE;
            for (DetectionRule operand : or.operands()) {
                RuleResult value = evaluate(operand, errors);
                if (value == RuleResult.TRUE) {
                    return RuleResult.TRUE;
                }
                if (value == RuleResult.UNKNOWN) {
                    result = RuleResult.UNKNOWN;
                }
            }
            return result;
        }
        if (rule instanceof DetectionRule.Not not) {
            return evaluate(not.operand(), errors).not();
        }
        try {
            return RuleResult.of(fact(rule));
        } catch (FactUnavailableException e) {
            errors.add(rule.toSeedText() + ": " + e.getMessage());
            return RuleResult.UNKNOWN;
        }
    }

    private boolean fact(DetectionRule rule) {
        if (rule instanceof DetectionRule.RegistryKeyExists key) {
            return facts.registryKeyExists(key.key());
        }
        if (rule instanceof DetectionRule.RegistryValueEquals value) {
            return facts.registryValue(value.key(), value.name())
                .map(actual -> actual.trim().equalsIgnoreCase(value.expected().trim()))
                .orElse(false);
        }
        if (rule instanceof DetectionRule.FileExists file) {
            return facts.fileExists(file.path());
        }
        if (rule instanceof DetectionRule.FileVersionAtLeast version) {
            return facts.fileVersion(version.path()).map(actual -> actual.isAtLeast(version.minimum())).orElse(false);
        }
        if (rule instanceof DetectionRule.InstalledKb kb) {
            return facts.isKbInstalled(kb.kb());
        }
        if (rule instanceof DetectionRule.OsProduct product) {
            return facts.osProduct().trim().toLowerCase(Locale.ROOT)
                .equals(product.product().trim().toLowerCase(Locale.ROOT));
        }
        if (rule instanceof DetectionRule.OsBuildAtLeast build) {
            return facts.osBuild().isAtLeast(build.minimum());
        }
        throw new IllegalStateException("unhandled rule " + rule);
    }
}
