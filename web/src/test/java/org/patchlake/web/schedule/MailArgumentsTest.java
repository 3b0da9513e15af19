package org.patchlake.web.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailArgumentsTest {
    private static MailConfig parse(Map<String, String> environment, String... flags) {
        MailArguments arguments = new MailArguments(environment);
        for (int i = 0; i < flags.length; i += 2) {
            assertThat(arguments.accept(flags[i], flags[i + 1])).as(flags[i]).isTrue();
        }
        return arguments.config();
    }

    @Test
    void without_a_host_mail_is_not_configured() {
        MailConfig config = parse(Map.of());
        assertThat(config.configured()).isFalse();
        assertThat(config.describe()).isEqualTo("not configured");
        assertThat(new MailArguments(Map.of()).accept("--port", "1")).isFalse();
    }

    @Test
    void flags_and_environment_make_the_smtp_configuration_with_the_port_following_the_security() {
        MailConfig config = parse(Map.of("PATCHLAKE_SMTP_PASSWORD", "s3cret"), "--smtp-host", "mail.example.org",
                "--smtp-user", "patchlake", "--mail-from", "reports@example.org", "--mail-flag-after", "5");
        assertThat(config.port()).isEqualTo(587);
        assertThat(config.security()).isEqualTo(MailConfig.Security.STARTTLS);
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.flagAfterFailures()).isEqualTo(5);
        assertThat(config.toString()).contains("starttls://mail.example.org:587 as patchlake, from reports@example.org")
                .doesNotContain("s3cret");
        assertThat(parse(Map.of(), "--smtp-host", "relay", "--smtp-security", "tls").port()).isEqualTo(465);
        assertThat(parse(Map.of(), "--smtp-host", "relay", "--smtp-security", "NONE").port()).isEqualTo(25);
        assertThat(parse(Map.of(), "--smtp-host", "relay", "--smtp-port", "2525").from()).isEqualTo("patchlake@relay");
    }

    @Test
    void bad_values_name_the_flag() {
        assertThatThrownBy(() -> parse(Map.of(), "--smtp-security", "ssl")).hasMessageContaining("--smtp-security");
        assertThatThrownBy(() -> parse(Map.of(), "--smtp-port", "70000")).hasMessageContaining("--smtp-port must be 1..65535");
        assertThatThrownBy(() -> parse(Map.of(), "--smtp-host", "relay", "--mail-from", "not an address"))
                .hasMessageContaining("not a mail address");
    }

    @Test
    void retry_delays_grow_four_times_up_to_six_hours() {
        MailConfig config = MailConfig.notConfigured();
        assertThat(config.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.retryDelay(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(config.retryDelay(4)).isEqualTo(Duration.ofMinutes(64));
        assertThat(config.retryDelay(20)).isEqualTo(Duration.ofHours(6));
    }
}
