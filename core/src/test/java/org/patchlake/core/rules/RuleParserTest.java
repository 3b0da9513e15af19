package org.patchlake.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleParserTest {

    @Test
    void the_seed_example_parses_into_the_expected_tree() {
        DetectionRule rule = RuleParser.parse(RuleEvaluatorTest.SEED_RULE);
        assertThat(rule).isEqualTo(new DetectionRule.Or(List.of(
            new DetectionRule.RegistryValueEquals(RuleEvaluatorTest.UPDATE_KEY, "Installed", "1"),
            new DetectionRule.And(List.of(
                new DetectionRule.Not(new DetectionRule.RegistryKeyExists(RuleEvaluatorTest.SP2_KEY)),
                new DetectionRule.FileVersionAtLeast(RuleEvaluatorTest.NETAPI, Version.parse("5.2.3790.462")))),
            new DetectionRule.And(List.of(
                new DetectionRule.RegistryKeyExists(RuleEvaluatorTest.SP2_KEY),
                new DetectionRule.FileVersionAtLeast(RuleEvaluatorTest.NETAPI, Version.parse("5.2.3790.2606")))))));
    }

    @Test
    void seed_text_round_trips_through_the_writer() {
        DetectionRule rule = RuleParser.parse(RuleEvaluatorTest.SEED_RULE);
        assertThat(RuleParser.parse(rule.toSeedText())).isEqualTo(rule);
        DetectionRule quoted = new DetectionRule.RegistryValueEquals("HKLM\\X", "say \"hi\"", "");
        assertThat(RuleParser.parse(quoted.toSeedText())).isEqualTo(quoted);
    }

    @Test
    void comments_and_bare_words_are_accepted() {
        assertThat(RuleParser.parse("; installed?\n(kb KB958644) ; done")).isEqualTo(new DetectionRule.InstalledKb("KB958644"));
        assertThat(RuleParser.parse("(kb 958644)")).isEqualTo(new DetectionRule.InstalledKb("KB958644"));
    }

    @Test
    void syntax_errors_name_the_offset_and_what_was_found() {
        assertThatThrownBy(() -> RuleParser.parse("(xor (kb 1))"))
            .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("offset 1").hasMessageContaining("unknown operator 'xor'");
        assertThatThrownBy(() -> RuleParser.parse("(file-version \"a.dll\" > \"1.0\")"))
            .hasMessageContaining("expected '>='").hasMessageContaining("found '>");
        assertThatThrownBy(() -> RuleParser.parse("(and)")).hasMessageContaining("at least one operand");
        assertThatThrownBy(() -> RuleParser.parse("(kb \"KB1\"")).hasMessageContaining("expected ')'").hasMessageContaining("end of text");
        assertThatThrownBy(() -> RuleParser.parse("(kb \"KB1)")).hasMessageContaining("string is not closed");
        assertThatThrownBy(() -> RuleParser.parse("(kb abc)")).hasMessageContaining("not a KB number: 'abc'");
        assertThatThrownBy(() -> RuleParser.parse("(os-build >= 10.x)")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> RuleParser.parse("(kb 1) (kb 2)")).hasMessageContaining("unexpected text after the rule");
    }
}
