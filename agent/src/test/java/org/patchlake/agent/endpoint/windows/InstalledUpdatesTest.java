package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.UpdateSource;

/** Installed updates from recorded Windows Update history and WMI QFE output. */
class InstalledUpdatesTest {

    static final String HISTORY = "/windows-update/history-win10-22h2.json";

    @Test
    void the_last_successful_operation_per_kb_decides_and_an_uninstall_rolls_the_update_back() {
        UpdateHistory history = UpdateHistory.of(Fixtures.history(HISTORY));
        assertThat(history.installed()).extracting(InstalledUpdate::kb, InstalledUpdate::installedOn).containsExactlyInAnyOrder(
            tuple("KB5034122", LocalDate.of(2024, 1, 10)),
            tuple("KB5034763", LocalDate.of(2024, 2, 14)),
            tuple("KB5034582", LocalDate.of(2024, 2, 14)),
            tuple("KB5035849", LocalDate.of(2024, 3, 12)),
            tuple("KB890830", LocalDate.of(2024, 3, 13)),
            tuple("KB2267602", LocalDate.of(2024, 3, 14)));
        assertThat(history.uninstalled()).containsExactly("KB5035845");
        assertThat(history.installed()).extracting(InstalledUpdate::source).containsOnly(UpdateSource.WINDOWS_UPDATE);
    }

    @Test
    void failed_operations_change_nothing() {
        UpdateHistory history = UpdateHistory.of(Fixtures.history(HISTORY));
        assertThat(history.installed()).extracting(InstalledUpdate::kb)
            .as("KB5034441 only failed to install; the failed uninstall of KB5034122 left it installed")
            .doesNotContain("KB5034441").contains("KB5034122");
    }

    @Test
    void a_reinstall_after_an_uninstall_counts_again_whatever_order_the_history_comes_in() {
        Instant day = Instant.parse("2024-03-13T20:00:00Z");
        List<UpdateHistoryEntry> entries = List.of(
            new UpdateHistoryEntry("Update (KB5035845)", UpdateHistoryEntry.INSTALLATION, 2, day.plusSeconds(7200), "u"),
            new UpdateHistoryEntry("Update (KB5035845)", UpdateHistoryEntry.INSTALLATION, 2, day, "u"),
            new UpdateHistoryEntry("Update (KB5035845)", UpdateHistoryEntry.UNINSTALLATION, 2, day.plusSeconds(3600), "u"));
        UpdateHistory history = UpdateHistory.of(entries);
        assertThat(history.installed()).extracting(InstalledUpdate::kb).containsExactly("KB5035845");
        assertThat(history.uninstalled()).isEmpty();
    }

    @Test
    void history_dates_are_utc_days_whatever_the_jvm_time_zone() {
        Instant lateEvening = OleAutomationDates.toInstant(45363.979166666664);
        assertThat(lateEvening).isEqualTo(Instant.parse("2024-03-12T23:30:00Z"));
        assertThat(UpdateHistory.of(List.of(new UpdateHistoryEntry("x (KB5035849)", 1, 2, lateEvening, "u"))).installed())
            .extracting(InstalledUpdate::installedOn).containsExactly(LocalDate.of(2024, 3, 12));
        assertThat(OleAutomationDates.toInstant(0)).isEqualTo(Instant.parse("1899-12-30T00:00:00Z"));
        assertThat(OleAutomationDates.toInstant(-1.25)).as("negative days, positive time of day")
            .isEqualTo(Instant.parse("1899-12-29T06:00:00Z"));
        assertThatThrownBy(() -> OleAutomationDates.toInstant(Double.NaN)).hasMessageContaining("not an OLE automation date");
    }

    @Test
    void qfe_dates_are_read_by_the_machines_short_date_pattern_and_hex_filetimes_and_blanks_are_handled() {
        JsonNode fixture = Fixtures.json("/wmi/qfe-en-gb.json");
        QuickFixDates dates = new QuickFixDates(fixture.at("/machine/shortDatePattern").asText(),
            Locale.forLanguageTag(fixture.at("/machine/localeName").asText()));
        List<InstalledUpdate> updates = InstalledUpdates.fromQuickFixRows(Fixtures.quickFixes(fixture), dates);
        assertThat(updates).extracting(InstalledUpdate::kb, InstalledUpdate::installedOn).containsExactly(
            tuple("KB5011048", LocalDate.of(2024, 4, 3)),
            tuple("KB5034122", LocalDate.of(2024, 1, 10)),
            tuple("KB5034763", LocalDate.of(2024, 2, 14)),
            tuple("KB5005565", LocalDate.of(2021, 9, 15)),
            tuple("KB5031356", null),
            tuple("KB5036000", null),
            tuple("KB4562830", LocalDate.of(2021, 5, 20)),
            tuple("KB958488", LocalDate.of(2024, 3, 13)));
        assertThat(updates).extracting(InstalledUpdate::source).containsOnly(UpdateSource.QFE);
    }

    @Test
    void short_date_patterns_of_other_locales_are_read_too() {
        assertThat(new QuickFixDates("dd.MM.yyyy", Locale.GERMANY).parse("12.03.2019")).contains(LocalDate.of(2019, 3, 12));
        assertThat(new QuickFixDates("yyyy/M/d", Locale.JAPAN).parse("2019/3/12")).contains(LocalDate.of(2019, 3, 12));
        assertThat(new QuickFixDates("d. M. yyyy", Locale.forLanguageTag("cs-CZ")).parse("12. 3. 2019"))
            .contains(LocalDate.of(2019, 3, 12));
        assertThat(new QuickFixDates("dd-MMM-yy", Locale.UK).parse("12-Mar-19")).contains(LocalDate.of(2019, 3, 12));
        assertThat(new QuickFixDates("yyyy'年'M'月'd'日'", Locale.JAPAN).parse("2019年3月12日")).contains(LocalDate.of(2019, 3, 12));
        assertThat(QuickFixDates.unitedStates().parse("03/04/2024")).contains(LocalDate.of(2024, 3, 4));
        assertThat(QuickFixDates.unitedStates().parse("13/03/2024")).as("impossible as month/day, so day/month")
            .contains(LocalDate.of(2024, 3, 13));
        assertThat(QuickFixDates.unitedStates().parse("yesterday")).isEmpty();
        assertThat(QuickFixDates.unitedStates().parse("0000000000000000")).as("FILETIME zero is no date").isEmpty();
        assertThatThrownBy(() -> new QuickFixDates("dd/MM/yyyy'", Locale.UK)).hasMessageContaining("unclosed quote");
    }

    @Test
    void qfe_and_history_merge_and_a_rolled_back_update_is_not_installed() {
        JsonNode fixture = Fixtures.json("/wmi/qfe-en-gb.json");
        List<InstalledUpdate> qfe = InstalledUpdates.fromQuickFixRows(Fixtures.quickFixes(fixture),
            new QuickFixDates("dd/MM/yyyy", Locale.UK));
        List<InstalledUpdate> merged = InstalledUpdates.merge(UpdateHistory.of(Fixtures.history(HISTORY)), qfe);
        assertThat(merged).extracting(InstalledUpdate::kb).doesNotContain("KB5035845", "KB5034441")
            .contains("KB5034122", "KB890830", "KB2267602", "KB5011048");
        assertThat(merged).filteredOn(update -> update.kb().equals("KB5034763")).singleElement()
            .satisfies(update -> assertThat(update.source()).as("QFE's date wins").isEqualTo(UpdateSource.QFE));
        assertThat(merged).filteredOn(update -> update.kb().equals("KB5031356")).singleElement()
            .satisfies(update -> assertThat(update.installedOn()).isNull());
        List<InstalledUpdate> reinstalledByWusa = InstalledUpdates.merge(UpdateHistory.of(Fixtures.history(HISTORY)),
            List.of(new InstalledUpdate("KB5035845", LocalDate.of(2024, 3, 15), UpdateSource.QFE)));
        assertThat(reinstalledByWusa).extracting(InstalledUpdate::kb).as("QFE still lists it: reinstalled").contains("KB5035845");
    }
}
