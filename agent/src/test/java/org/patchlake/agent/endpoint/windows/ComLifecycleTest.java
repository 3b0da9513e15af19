package org.patchlake.agent.endpoint.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The COM owner's decisions, apart from the native calls. */
class ComLifecycleTest {

    static final int RPC_E_CHANGED_MODE = 0x80010106;
    static final int RPC_E_TOO_LATE = 0x80010119;

    @Test
    void coinitialize_is_balanced_only_when_it_succeeded_and_a_changed_mode_keeps_the_threads_apartment() {
        assertThat(ComApartment.mustUninitialize("history", ComApartment.S_OK)).isTrue();
        assertThat(ComApartment.mustUninitialize("history", ComApartment.S_FALSE)).isTrue();
        assertThat(ComApartment.mustUninitialize("history", RPC_E_CHANGED_MODE)).isFalse();
        assertThatThrownBy(() -> ComApartment.mustUninitialize("WMI Win32_QuickFixEngineering", 0x8007000E))
            .isInstanceOf(ComFailure.class)
            .hasMessageContaining("WMI Win32_QuickFixEngineering: CoInitializeEx: HRESULT 0x8007000E");
    }

    @Test
    void security_initialised_earlier_in_the_process_is_fine_and_any_other_failure_is_reported() {
        ComApartment.checkSecurity("search", ComApartment.S_OK);
        ComApartment.checkSecurity("search", RPC_E_TOO_LATE);
        assertThatThrownBy(() -> ComApartment.checkSecurity("search", 0x80070005))
            .isInstanceOf(ComFailure.class).hasMessageContaining("CoInitializeSecurity: HRESULT 0x80070005");
    }

    @Test
    void a_scope_releases_every_object_once_newest_first_even_when_one_release_fails() {
        List<String> released = new ArrayList<>();
        ComScope scope = new ComScope();
        scope.track(() -> released.add("session"));
        scope.track(() -> released.add("searcher"));
        scope.track(() -> {
            released.add("history");
            throw new IllegalStateException("release failed");
        });
        scope.track(() -> released.add("entry"));
        assertThatThrownBy(scope::close).hasMessage("release failed");
        assertThat(released).containsExactly("entry", "history", "searcher", "session");
        scope.close();
        assertThat(released).as("nothing is released twice").hasSize(4);
    }

    @Test
    void a_com_failure_names_what_failed_and_its_hresult_in_hex() {
        ComFailure failure = new ComFailure("Windows Update history (QueryHistory)", 0x80240438, "no connection");
        assertThat(failure.hex()).isEqualTo("0x80240438");
        assertThat(failure.getMessage()).isEqualTo("Windows Update history (QueryHistory): HRESULT 0x80240438 (no connection)");
    }
}
