package org.patchlake.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    static final String UPDATE_KEY = "HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows Server 2003\\SP3\\KB958644";
    static final String SP2_KEY = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB914961";
    static final String NETAPI = "%SystemRoot%\\system32\\netapi32.dll";

    /** The seed's example: installed by the registry flag, or by the file version that fits the service pack. */
    static final String SEED_RULE = """
        (or (registry-value "%s" "Installed" = "1")
            (and (not (registry-key "%s")) (file-version "%s" >= "5.2.3790.462"))
            (and (registry-key "%s") (file-version "%s" >= "5.2.3790.2606")))
        """.formatted(UPDATE_KEY, SP2_KEY, NETAPI, SP2_KEY, NETAPI);

    private static RuleVerdict evaluate(MapFacts facts) {
        return new RuleEvaluator(facts).evaluate(RuleParser.parse(SEED_RULE)).result();
    }

    @Test
    void seed_rule_is_true_when_the_registry_flag_is_one() {
        assertThat(evaluate(new MapFacts().value(UPDATE_KEY, "Installed", "1").file(NETAPI, "5.2.3790.1"))).isEqualTo(RuleVerdict.TRUE);
    }

    @Test
    void seed_rule_ignores_a_registry_flag_other_than_one() {
        assertThat(evaluate(new MapFacts().value(UPDATE_KEY, "Installed", "0").file(NETAPI, "5.2.3790.1"))).isEqualTo(RuleVerdict.FALSE);
    }

    @Test
    void seed_rule_without_the_key_needs_the_lower_file_version() {
        assertThat(evaluate(new MapFacts().file(NETAPI, "5.2.3790.462"))).isEqualTo(RuleVerdict.TRUE);
        assertThat(evaluate(new MapFacts().file(NETAPI, "5.2.3790.461"))).isEqualTo(RuleVerdict.FALSE);
        assertThat(evaluate(new MapFacts().file(NETAPI, "5.2.3790.1000"))).as("1000 > 462 numerically").isEqualTo(RuleVerdict.TRUE);
    }

    @Test
    void seed_rule_with_the_key_present_needs_the_higher_file_version() {
        assertThat(evaluate(new MapFacts().key(SP2_KEY).file(NETAPI, "5.2.3790.462"))).isEqualTo(RuleVerdict.FALSE);
        assertThat(evaluate(new MapFacts().key(SP2_KEY).file(NETAPI, "5.2.3790.2605"))).isEqualTo(RuleVerdict.FALSE);
        assertThat(evaluate(new MapFacts().key(SP2_KEY).file(NETAPI, "5.2.3790.2606"))).isEqualTo(RuleVerdict.TRUE);
    }

    @Test
    void seed_rule_is_false_when_the_file_is_missing() {
        assertThat(evaluate(new MapFacts())).isEqualTo(RuleVerdict.FALSE);
    }

    @Test
    void an_unreadable_fact_makes_the_result_unknown_and_is_reported() {
        MapFacts facts = new MapFacts().file(NETAPI, "5.2.3790.100");
        facts.unreadable.add(UPDATE_KEY);
        RuleEvaluator.Evaluation evaluation = new RuleEvaluator(facts).evaluate(RuleParser.parse(SEED_RULE));
        assertThat(evaluation.result()).isEqualTo(RuleVerdict.UNKNOWN);
        assertThat(evaluation.errors()).singleElement().asString().contains("access denied").contains("Installed");
    }

    @Test
    void an_unreadable_fact_does_not_matter_when_another_operand_decides() {
        MapFacts facts = new MapFacts().file(NETAPI, "5.2.3790.500");
        facts.unreadable.add(UPDATE_KEY);
        assertThat(new RuleEvaluator(facts).evaluate(RuleParser.parse(SEED_RULE)).result()).isEqualTo(RuleVerdict.TRUE);
    }

    @Test
    void installed_kb_os_product_and_build_rules_are_evaluated() {
        MapFacts facts = new MapFacts();
        facts.installedKbs.add("KB4480116");
        facts.osProduct = "Windows 10 Version 1809 for x64-based Systems";
        facts.osBuild = "10.0.17763.253";
        RuleEvaluator evaluator = new RuleEvaluator(facts);
        assertThat(evaluator.evaluate(RuleParser.parse("(kb 4480116)")).result()).isEqualTo(RuleVerdict.TRUE);
        assertThat(evaluator.evaluate(RuleParser.parse("(kb KB4480966)")).result()).isEqualTo(RuleVerdict.FALSE);
        assertThat(evaluator.evaluate(RuleParser.parse(
            "(and (os-product \"windows 10 version 1809 for x64-based systems\") (os-build >= 10.0.17763.1))")).result())
            .isEqualTo(RuleVerdict.TRUE);
        assertThat(evaluator.evaluate(RuleParser.parse("(os-build >= 10.0.17763.1000)")).result()).isEqualTo(RuleVerdict.FALSE);
        assertThat(evaluator.evaluate(RuleParser.parse("(file \"C:\\missing.dll\")")).result()).isEqualTo(RuleVerdict.FALSE);
    }
}
