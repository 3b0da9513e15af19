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
    public record Evaluation(RuleVerdict result, List<String> errors) {
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
        RuleVerdict result = evaluate(rule, errors);
        return new Evaluation(result, errors);
    }

    private RuleVerdict evaluate(DetectionRule rule, List<String> errors) {
        if (rule instanceof DetectionRule.And and) {
            RuleVerdict result = RuleVerdict.TRUE;
            for (DetectionRule operand : and.operands()) {
                RuleVerdict value = evaluate(operand, errors);
                if (value == RuleVerdict.FALSE) {
                    return RuleVerdict.FALSE;
                }
                if (value == RuleVerdict.UNKNOWN) {
                    result = RuleVerdict.UNKNOWN;
                }
            }
            return result;
        }
        if (rule instanceof DetectionRule.Or or) {
            RuleVerdict result = RuleVerdict.FALSE;
            for (DetectionRule operand : or.operands()) {
                RuleVerdict value = evaluate(operand, errors);
                if (value == RuleVerdict.TRUE) {
                    return RuleVerdict.TRUE;
                }
                if (value == RuleVerdict.UNKNOWN) {
                    result = RuleVerdict.UNKNOWN;
                }
            }
            return result;
        }
        if (rule instanceof DetectionRule.Not not) {
            return evaluate(not.operand(), errors).not();
        }
        try {
            return RuleVerdict.of(fact(rule));
        } catch (FactUnavailableException e) {
            errors.add(rule.toSeedText() + ": " + e.getMessage());
            return RuleVerdict.UNKNOWN;
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
