package org.patchlake.core.rules;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A detection rule: a boolean tree of {@code and} / {@code or} / {@code not} over endpoint facts.
 * The text form (seed format) is read by {@link RuleParser} and written by {@link #toSeedText()}.
 */
public sealed interface DetectionRule {

    /** The rule in seed format; {@code RuleParser.parse(rule.toSeedText())} equals {@code rule}. */
    String toSeedText();

    record And(List<DetectionRule> operands) implements DetectionRule {
        public And {
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
            if (operands.isEmpty()) {
                throw new IllegalArgumentException("and needs at least one operand");
            }
        }

        @Override
        public String toSeedText() {
            return RuleText.list("and", operands);
        }
    }

    record Or(List<DetectionRule> operands) implements DetectionRule {
        public Or {
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
            if (operands.isEmpty()) {
                throw new IllegalArgumentException("or needs at least one operand");
            }
        }

        @Override
        public String toSeedText() {
            return RuleText.list("or", operands);
        }
    }

    record Not(DetectionRule operand) implements DetectionRule {
        public Not {
            requireNonNull(operand, "operand is null");
        }

        @Override
        public String toSeedText() {
            return "(not " + operand.toSeedText() + ")";
        }
    }

    /** {@code (registry-key "HKLM\...")}: the key exists. */
    record RegistryKeyExists(String key) implements DetectionRule {
        public RegistryKeyExists {
            requireNonNull(key, "key is null");
        }

        @Override
        public String toSeedText() {
            return "(registry-key " + RuleText.quote(key) + ")";
        }
    }

    /** {@code (registry-value "HKLM\..." "Name" = "1")}: the value exists and equals (case-insensitively). */
    record RegistryValueEquals(String key, String name, String expected) implements DetectionRule {
        public RegistryValueEquals {
            requireNonNull(key, "key is null");
            requireNonNull(name, "name is null");
            requireNonNull(expected, "expected is null");
        }

        @Override
        public String toSeedText() {
            return "(registry-value " + RuleText.quote(key) + " " + RuleText.quote(name) + " = "
                + RuleText.quote(expected) + ")";
        }
    }

    /** {@code (file "%SystemRoot%\system32\x.dll")}: the file exists. */
    record FileExists(String path) implements DetectionRule {
        public FileExists {
            requireNonNull(path, "path is null");
        }

        @Override
        public String toSeedText() {
            return "(file " + RuleText.quote(path) + ")";
        }
    }

    /** {@code (file-version "..." >= "5.2.3790.462")}: the file exists and its version is at least minimum. */
    record FileVersionAtLeast(String path, Version minimum) implements DetectionRule {
        public FileVersionAtLeast {
            requireNonNull(path, "path is null");
            requireNonNull(minimum, "minimum is null");
        }

        @Override
        public String toSeedText() {
            return "(file-version " + RuleText.quote(path) + " >= " + RuleText.quote(minimum.toString()) + ")";
        }
    }

    /** {@code (kb "KB958644")}: the update is installed (as reported by the OS). */
    record InstalledKb(String kb) implements DetectionRule {
        public InstalledKb {
            requireNonNull(kb, "kb is null");
            kb = RuleText.normaliseKb(kb);
        }

        @Override
        public String toSeedText() {
            return "(kb " + RuleText.quote(kb) + ")";
        }
    }

    /** {@code (os-product "Windows 10 Version 1809 for x64-based Systems")}: case-insensitive equality. */
    record OsProduct(String product) implements DetectionRule {
        public OsProduct {
            requireNonNull(product, "product is null");
        }

        @Override
        public String toSeedText() {
            return "(os-product " + RuleText.quote(product) + ")";
        }
    }

    /** {@code (os-build >= "10.0.17763.1")}. */
    record OsBuildAtLeast(Version minimum) implements DetectionRule {
        public OsBuildAtLeast {
            requireNonNull(minimum, "minimum is null");
        }

        @Override
        public String toSeedText() {
            return "(os-build >= " + RuleText.quote(minimum.toString()) + ")";
        }
    }
}
