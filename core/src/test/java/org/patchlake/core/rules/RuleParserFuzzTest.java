package org.patchlake.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing (Jazzer) of the detection-rule parser: any text either parses or fails with
 * {@link RuleSyntaxException}; a rule that parses writes seed text that parses back to the same rule, and evaluates
 * (against an endpoint without any facts) to a result rather than an exception. The build runs the corpus in
 * {@code RuleParserFuzzTestInputs/}; {@code ./patchlake bench fuzz} fuzzes.
 */
class RuleParserFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void any_text_parses_as_a_rule_or_fails_with_a_syntax_error(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        DetectionRule rule;
        try {
            rule = RuleParser.parse(text);
        } catch (RuleSyntaxException e) {
            assertThat(e.getMessage()).startsWith("rule text");
            return;
        }
        assertThat(RuleParser.parse(rule.toSeedText())).isEqualTo(rule);
        assertThat(new RuleEvaluator(new MapFacts()).evaluate(rule).result()).isNotNull();
    }

    // Finding, kept in the corpus too (crash-deep-nesting): 20,000 nested forms overflowed the stack (an Error, not a
    // syntax error), in the parser and in everything that walks the tree.

    @Test
    void a_rule_nested_deeper_than_the_limit_is_a_syntax_error_not_a_stack_overflow() {
        assertThatThrownBy(() -> RuleParser.parse("(not ".repeat(20_000)))
                .isInstanceOf(RuleSyntaxException.class)
                .hasMessageStartingWith("rule text at offset 500: rule nests deeper than 100 levels");
    }

    @Test
    void a_rule_nested_to_the_limit_still_parses() {
        String rule = "(not ".repeat(RuleParser.MAX_DEPTH - 1) + "(kb KB1234)" + ")".repeat(RuleParser.MAX_DEPTH - 1);
        assertThat(RuleParser.parse(rule).toSeedText()).startsWith("(not (not ");
    }
}
