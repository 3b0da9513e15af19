package org.patchlake.web.remediation;

import org.junit.jupiter.api.Test;
import org.patchlake.web.report.LeadingQuoteCellGuard;
import org.patchlake.web.audit.AuditLog;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemediationAuditCsvTest {
    @Test
    void carriage_returns_are_quoted_formulas_are_defused_and_negative_numbers_stay_numbers() {
        AuditLog.Entry entry = new AuditLog.Entry(7, Instant.parse("2026-11-21T10:00:00Z"), "=evil", "policy_created",
                "policy:rem-1", "line one\rline two", "{\"computers\":[\"c-1\",\"c-2\"]}", "-5");

        String csv = new RemediationAuditCsv(new LeadingQuoteCellGuard()).write(List.of(entry));

        assertThat(csv).isEqualTo("id,at_utc,actor,action,target,client_address,before,details\r\n"
                + "7,2026-11-21T10:00:00Z,'=evil,policy_created,policy:rem-1,-5,\"line one\rline two\","
                + "\"{\"\"computers\"\":[\"\"c-1\"\",\"\"c-2\"\"]}\"\r\n");
    }
}
