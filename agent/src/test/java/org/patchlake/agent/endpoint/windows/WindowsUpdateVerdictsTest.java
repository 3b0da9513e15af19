package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.patchlake.core.protocol.MissingUpdate;
import org.patchlake.core.protocol.WindowsUpdateSearchSource;
import org.patchlake.core.protocol.WindowsUpdateVerdict;

/** Windows Update's own answer, from a recorded search on a German machine, as the protocol's verdict. */
class WindowsUpdateVerdictsTest {

    static final Instant SEARCHED = Instant.parse("2024-03-15T08:00:00Z");

    @Test
    void every_missing_update_keeps_its_kb_id_severity_and_an_english_classification() {
        WindowsUpdateVerdict verdict = WindowsUpdateVerdicts.of(recorded("/windows-update/search-de-de.json"),
            WindowsUpdateSearchSource.ONLINE, SEARCHED);
        assertThat(verdict.completed()).isTrue();
        assertThat(verdict.source()).isEqualTo(WindowsUpdateSearchSource.ONLINE);
        assertThat(verdict.searchedAt()).isEqualTo(SEARCHED);
        assertThat(verdict.missing()).extracting(MissingUpdate::kb, MissingUpdate::classification, MissingUpdate::msrcSeverity)
            .containsExactly(
                tuple("KB5035845", "Security Updates", "Important"),
                tuple("KB5034582", "Security Updates", "Important"),
                tuple("KB2267602", "Definition Updates", null),
                tuple("KB890830", "Update Rollups", null),
                tuple("KB5007651", "Updates", null),
                tuple(null, "Neue Kategorie", null));
        assertThat(verdict.missing().get(0).updateId()).isEqualTo("b3e8a4a1-2c1d-4a52-9c0f-1a2b3c4d5e01");
        assertThat(verdict.missing().get(0).title()).startsWith("2024-03 Kumulatives Update");
        assertThat(verdict.missing()).filteredOn(MissingUpdate::securityUpdate).hasSize(2);
    }

    @Test
    void a_search_that_ended_badly_is_a_verdict_with_its_result_code_and_no_list() {
        WindowsUpdateVerdict failed = WindowsUpdateVerdicts.of(new WindowsUpdateSearchResult(4, List.of()),
            WindowsUpdateSearchSource.ONLINE, SEARCHED);
        assertThat(failed.completed()).isFalse();
        assertThat(failed.errorCode()).isEqualTo("orcFailed");
        assertThat(failed.missing()).isEmpty();
        WindowsUpdateVerdict partial = WindowsUpdateVerdicts.of(new WindowsUpdateSearchResult(3,
            recorded("/windows-update/search-de-de.json").updates()), WindowsUpdateSearchSource.OFFLINE_SCAN_FILE, SEARCHED);
        assertThat(partial.completed()).isTrue();
        assertThat(partial.errorMessage()).contains("succeeded with errors");
        assertThat(partial.missing()).hasSize(6);
    }

    @Test
    void a_failed_search_becomes_a_verdict_carrying_the_hresult_never_an_exception() {
        ComFailure unresolved = new ComFailure("Windows Update search (online)", 0x8024402C, "the server name could not be resolved");
        WindowsUpdateVerdict verdict = WindowsUpdateVerdicts.failed(unresolved, WindowsUpdateSearchSource.ONLINE, SEARCHED);
        assertThat(verdict.errorCode()).isEqualTo("0x8024402C");
        assertThat(verdict.errorMessage()).contains("WU_E_PT_WINHTTP_NAME_NOT_RESOLVED").contains("Windows Update search (online)");
        assertThat(verdict.missing()).isEmpty();
    }

    @Test
    void an_update_without_title_or_id_is_left_out_and_a_malformed_kb_is_dropped_not_the_update() {
        WindowsUpdateSearchResult result = new WindowsUpdateSearchResult(2, List.of(
            new WindowsUpdateSearchResult.Update(" ", List.of(), null, null, List.of()),
            new WindowsUpdateSearchResult.Update("Odd (KB12)", List.of("KB12"), "id-1", " ", List.of())));
        WindowsUpdateVerdict verdict = WindowsUpdateVerdicts.of(result, WindowsUpdateSearchSource.ONLINE, SEARCHED);
        assertThat(verdict.missing()).extracting(MissingUpdate::title, MissingUpdate::kb, MissingUpdate::msrcSeverity)
            .containsExactly(tuple("Odd (KB12)", null, null));
    }

    @Test
    void the_search_runs_at_most_once_per_interval_unless_what_it_searches_against_changes() {
        WindowsUpdateVerdictCache cache = new WindowsUpdateVerdictCache();
        AtomicInteger searches = new AtomicInteger();
        List<Instant> times = new ArrayList<>();
        Duration interval = Duration.ofHours(4);
        for (Instant now : List.of(SEARCHED, SEARCHED.plusSeconds(600), SEARCHED.plus(Duration.ofHours(4)))) {
            times.add(cache.get(now, interval, "online", () -> {
                searches.incrementAndGet();
                return new WindowsUpdateVerdict(WindowsUpdateSearchSource.ONLINE, now, List.of(), "0x8024402C", "offline");
            }).searchedAt());
        }
        assertThat(searches).as("a failed search is kept too: the interval is the retry interval").hasValue(2);
        assertThat(times).containsExactly(SEARCHED, SEARCHED, SEARCHED.plus(Duration.ofHours(4)));
        cache.get(SEARCHED.plus(Duration.ofHours(4)).plusSeconds(60), interval, "C:\\wsus\\wsusscn2.cab", () -> {
            searches.incrementAndGet();
            return new WindowsUpdateVerdict(WindowsUpdateSearchSource.OFFLINE_SCAN_FILE, SEARCHED, List.of(), null, null);
        });
        assertThat(searches).as("a new scan file is searched at once").hasValue(3);
    }

    /** {@code Search(...)} as PowerShell's ConvertTo-Json wrote it: ResultCode and the IUpdate fields the verdict needs. */
    static WindowsUpdateSearchResult recorded(String resource) {
        JsonNode search = Fixtures.json(resource);
        List<WindowsUpdateSearchResult.Update> updates = new ArrayList<>();
        for (JsonNode update : search.path("Updates")) {
            List<String> kbs = new ArrayList<>();
            update.path("KBArticleIDs").forEach(kb -> kbs.add(kb.asText()));
            List<WindowsUpdateSearchResult.Category> categories = new ArrayList<>();
            update.path("Categories").forEach(category -> categories.add(new WindowsUpdateSearchResult.Category(
                Fixtures.text(category, "CategoryID"), Fixtures.text(category, "Name"), Fixtures.text(category, "Type"))));
            updates.add(new WindowsUpdateSearchResult.Update(Fixtures.text(update, "Title"), kbs, Fixtures.text(update, "UpdateID"),
                Fixtures.text(update, "MsrcSeverity"), categories));
        }
        return new WindowsUpdateSearchResult(search.path("ResultCode").asInt(), updates);
    }
}
