package org.patchlake.web.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnCodesTest {
    @Test
    void an_hresult_stored_signed_or_unsigned_reads_the_same_with_both_forms() {
        assertThat(ReturnCodes.code(-2145124329L)).isEqualTo("0x80240017 (-2145124329)");
        assertThat(ReturnCodes.code(2149842967L)).isEqualTo("0x80240017 (-2145124329)");
        assertThat(ReturnCodes.meaning(-2145124329L, null)).isEqualTo("WU_E_NOT_APPLICABLE: the update is not applicable to this computer");
        assertThat(ReturnCodes.meaning(2149842967L, "")).isEqualTo(ReturnCodes.meaning(-2145124329L, null));
    }

    @Test
    void an_exit_code_reads_decimal_first_with_its_hex() {
        assertThat(ReturnCodes.code(3010L)).isEqualTo("3010 (0x00000BC2)");
        assertThat(ReturnCodes.meaning(1603L, null)).isEqualTo("ERROR_INSTALL_FAILURE: fatal error during installation");
        assertThat(ReturnCodes.code(null)).isNull();
    }

    @Test
    void a_meaning_the_warehouse_recorded_wins_unless_it_only_says_unknown() {
        assertThat(ReturnCodes.meaning(1603L, "fatal error (from the agent)")).isEqualTo("fatal error (from the agent)");
        assertThat(ReturnCodes.meaning(0x80240017L, "unknown return code")).startsWith("WU_E_NOT_APPLICABLE");
        assertThat(ReturnCodes.meaning(null, "no return code (not attempted)")).isEqualTo("no return code (not attempted)");
    }

    @Test
    void a_win32_error_wrapped_in_an_hresult_is_explained_by_the_win32_error() {
        // 0x80070666 wraps 1638 (another version installed), which the table knows only as an exit code
        assertThat(ReturnCodes.meaning(0x80070666L, null))
                .isEqualTo("HRESULT of Win32 error 1638, ERROR_PRODUCT_VERSION: another version of this product is already installed");
        assertThat(ReturnCodes.meaning(0x80070001L, null)).isEqualTo("unknown return code 0x80070001 (HRESULT of Win32 error 1)");
    }

    @Test
    void an_unknown_code_names_its_facility() {
        assertThat(ReturnCodes.meaning(0x8024FFFFL, null)).isEqualTo("unknown return code 0x8024FFFF (a Windows Update Agent error)");
        assertThat(ReturnCodes.meaning(0x800F0999L, null)).isEqualTo("unknown return code 0x800F0999 (a component-based servicing error)");
        assertThat(ReturnCodes.meaning(12345L, null)).isEqualTo("unknown return code 0x00003039");
    }
}
