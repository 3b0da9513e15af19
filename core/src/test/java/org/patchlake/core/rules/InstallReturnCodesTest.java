package org.patchlake.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.patchlake.core.rules.InstallReturnCodes.Category;
import org.junit.jupiter.api.Test;

class InstallReturnCodesTest {

    @Test
    void the_common_codes_have_their_windows_meaning() {
        assertThat(InstallReturnCodes.describe(0).category()).isEqualTo(Category.SUCCESS);
        assertThat(InstallReturnCodes.describe(3010).category()).isEqualTo(Category.SUCCESS_REBOOT_REQUIRED);
        assertThat(InstallReturnCodes.describe(1641).category()).isEqualTo(Category.SUCCESS_REBOOT_INITIATED);
        assertThat(InstallReturnCodes.describe(1603).category()).isEqualTo(Category.FAILED);
        assertThat(InstallReturnCodes.describe(1618).category()).isEqualTo(Category.RETRYABLE);
        assertThat(InstallReturnCodes.describe(2359302).category()).isEqualTo(Category.ALREADY_INSTALLED);
        assertThat(InstallReturnCodes.describe(0x80240017L).category()).isEqualTo(Category.NOT_APPLICABLE);
        assertThat(InstallReturnCodes.describe(0x80070005L).meaning()).contains("access denied");
        assertThat(InstallReturnCodes.describe(0x800F081FL).symbol()).isEqualTo("CBS_E_SOURCE_MISSING");
    }

    @Test
    void a_negative_java_exit_value_is_read_as_the_unsigned_windows_code() {
        int exitValue = (int) 0x80240017L;
        assertThat(exitValue).isNegative();
        assertThat(InstallReturnCodes.describe(exitValue).code()).isEqualTo(2149842967L);
        assertThat(InstallReturnCodes.describe(exitValue).symbol()).isEqualTo("WU_E_NOT_APPLICABLE");
    }

    @Test
    void hex_form_is_padded_and_upper_case() {
        assertThat(InstallReturnCodes.hex(3010)).isEqualTo("0x00000BC2");
        assertThat(InstallReturnCodes.hex(2359302)).isEqualTo("0x00240006");
        assertThat(InstallReturnCodes.hex((int) 0x800F081FL)).isEqualTo("0x800F081F");
    }

    @Test
    void an_unknown_code_is_a_failure_that_says_it_is_unknown() {
        InstallReturnCodes.ReturnCode unknown = InstallReturnCodes.describe(0x12345678L);
        assertThat(unknown.category()).isEqualTo(Category.FAILED);
        assertThat(unknown.meaning()).isEqualTo("unknown return code 0x12345678");
    }

    @Test
    void dism_not_applicable_and_the_agents_refusal_of_an_unknown_exe_are_known() {
        assertThat(InstallReturnCodes.describe(0x800F081EL).category()).isEqualTo(Category.NOT_APPLICABLE);
        assertThat(InstallReturnCodes.describe(0x800F081EL).symbol()).isEqualTo("CBS_E_NOT_APPLICABLE");
        assertThat(InstallReturnCodes.describe(InstallReturnCodes.SILENT_SWITCHES_UNKNOWN).category()).isEqualTo(Category.REFUSED);
    }
}
