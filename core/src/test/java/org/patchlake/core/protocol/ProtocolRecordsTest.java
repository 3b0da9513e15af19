package org.patchlake.core.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtocolRecordsTest {
    private static final byte[] BODY = "{\"messageId\":\"m-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signature_verifies_with_the_same_secret_and_fails_with_another_or_a_changed_body() {
        AgentSignature signature = AgentSignature.of("POST", AgentProtocol.INVENTORY_PATH, 1_700_000_000_000L, "m-1", BODY);
        String header = signature.sign("secret-a");

        assertThat(signature.verify("secret-a", header)).isTrue();
        assertThat(signature.verify("secret-b", header)).isFalse();
        assertThat(AgentSignature.of("POST", AgentProtocol.INVENTORY_PATH, 1_700_000_000_000L, "m-1", new byte[] {1})
                .verify("secret-a", header)).isFalse();
        assertThat(signature.verify("secret-a", "not base64 !")).isFalse();
    }

    @Test
    void canonical_string_is_method_path_timestamp_nonce_and_body_hash_on_lines() {
        AgentSignature signature = AgentSignature.of("GET", AgentProtocol.POLICIES_PATH, 5L, "n-1", new byte[0]);

        assertThat(signature.canonical()).isEqualTo("GET\n/api/agent/v1/policies\n5\nn-1\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void violations_name_the_field() {
        assertThatThrownBy(() -> new InstalledUpdate("5034441", null, UpdateSource.QFE))
                .isInstanceOf(ProtocolViolation.class)
                .satisfies(e -> assertThat(((ProtocolViolation) e).field()).isEqualTo("kb"))
                .hasMessageContaining("KB5034441");
        assertThatThrownBy(() -> new DeliveryAttempt("p-1", "KB1234567", 1, Instant.EPOCH, Instant.EPOCH, -1L,
                DeliveryOutcome.FAILED, null))
                .isInstanceOf(ProtocolViolation.class)
                .hasMessageStartingWith("returnCode:");
        assertThatThrownBy(() -> new PendingReboot(true, List.of(), null))
                .hasMessageStartingWith("sources:");
    }

    @Test
    void return_codes_are_unsigned_32_bit_values() {
        long code = DeliveryAttempt.unsigned(0x80240017);
        DeliveryAttempt attempt = new DeliveryAttempt("p-1", "KB1234567", 2, Instant.EPOCH, Instant.EPOCH, code,
                DeliveryOutcome.FAILED_WILL_RETRY, null);

        assertThat(attempt.returnCode()).isEqualTo(2_149_842_967L);
        assertThat(attempt.returnCodeHex()).isEqualTo("0x80240017");
    }

    @Test
    void agent_settings_carry_an_optional_offline_scan_file_and_a_blank_one_means_online() {
        assertThat(AgentSettings.DEFAULTS.offlineScanFile()).isNull();
        assertThat(new AgentSettings(240, 60, 14).offlineScanFile()).isNull();
        assertThat(new AgentSettings(240, 60, 14, "  ").offlineScanFile()).isNull();
        assertThat(new AgentSettings(240, 60, 14, " \\\\files\\wsus\\wsusscn2.cab ").offlineScanFile())
                .isEqualTo("\\\\files\\wsus\\wsusscn2.cab");
        assertThatThrownBy(() -> new AgentSettings(240, 60, 14, "x".repeat(5000)))
                .isInstanceOf(ProtocolViolation.class).hasMessageStartingWith("offlineScanFile:");
    }

    @Test
    void cab_packages_are_an_installer_kind() {
        assertThat(InstallerKind.valueOf("CAB")).isEqualTo(InstallerKind.CAB);
    }
}
