package org.patchlake.agent.scan;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.patchlake.agent.endpoint.ComputerIdentity;
import org.patchlake.agent.endpoint.Endpoint;
import org.patchlake.agent.endpoint.PendingReboot;
import org.patchlake.core.protocol.AgentSignature;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.InventoryReport;
import org.patchlake.core.protocol.OsIdentity;
import org.patchlake.core.protocol.RuleOutcome;
import org.patchlake.core.protocol.RuleResult;
import org.patchlake.core.protocol.ScanError;
import org.patchlake.core.protocol.WindowsUpdateVerdict;
import org.patchlake.core.rules.RuleEvaluator;

/**
 * One scan: OS identity, installed updates, boot time, pending restart and every detection rule, read from the
 * endpoint with each fact fetched once. A part that fails becomes a scan error instead of failing the scan. When
 * the installed-update list itself cannot be read, the report is a delta ({@code full=false}) with no changes, so
 * a broken WMI never looks like every update was uninstalled.
 */
public final class Scanner {

    /** The report and a digest of its content (everything but ids and timings) to tell whether anything changed. */
    public record Scan(InventoryReport report, String contentDigest, boolean pendingReboot) {
    }

    private final Endpoint endpoint;
    private final DetectionRuleSet rules;
    private final Clock clock;
    private final String agentVersion;

    public Scanner(Endpoint endpoint, DetectionRuleSet rules, Clock clock, String agentVersion) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.agentVersion = requireNonNull(agentVersion, "agentVersion is null");
    }

    /** {@code pendingSince}: when the agent first saw the current pending restart (null when not pending before). */
    public Scan scan(String messageId, String computerId, Instant now, Instant pendingSince) {
        long started = System.nanoTime();
        List<ScanError> errors = new ArrayList<>();
        OsIdentity os = osIdentityOf(endpoint.osIdentity());
        List<InstalledUpdate> installed = null;
        try {
            installed = endpoint.installedUpdates().stream()
                .sorted(Comparator.comparing(InstalledUpdate::kb)).toList();
        } catch (RuntimeException e) {
            errors.add(new ScanError("INSTALLED_UPDATES_UNREADABLE", e.getMessage()));
        }
        PendingReboot pending = PendingReboot.none();
        try {
            pending = endpoint.pendingReboot();
        } catch (RuntimeException e) {
            errors.add(new ScanError("PENDING_REBOOT_UNREADABLE", e.getMessage()));
        }
        Instant lastBoot = null;
        try {
            lastBoot = endpoint.lastBootAt();
        } catch (RuntimeException e) {
            errors.add(new ScanError("LAST_BOOT_UNREADABLE", e.getMessage()));
        }
        Set<String> kbs = new TreeSet<>();
        if (installed != null) {
            installed.forEach(update -> kbs.add(update.kb().toUpperCase(Locale.ROOT)));
        }
        List<RuleResult> ruleResults = evaluateRules(kbs);
        WindowsUpdateVerdict windowsUpdate = null;
        try {
            windowsUpdate = endpoint.searchWindowsUpdate().orElse(null);
        } catch (RuntimeException e) {
            errors.add(new ScanError("WINDOWS_UPDATE_SEARCH_FAILED", e.getMessage()));
        }
        org.patchlake.core.protocol.PendingReboot pendingReboot = pending.pending()
            ? new org.patchlake.core.protocol.PendingReboot(true, pending.reasons(), pendingSince == null ? now : pendingSince)
            : org.patchlake.core.protocol.PendingReboot.NONE;
        long durationMs = Math.max(0, (System.nanoTime() - started) / 1_000_000);
        InventoryReport report = new InventoryReport(messageId, computerId, clock.instant(), os,
            installed == null ? List.of() : installed, pendingReboot, lastBoot, agentVersion, durationMs, errors,
            ruleResults, installed != null, windowsUpdate);
        return new Scan(report, digest(report), pending.pending());
    }

    private List<RuleResult> evaluateRules(Set<String> installedKbs) {
        List<RuleResult> results = new ArrayList<>(rules.entries().size());
        RuleEvaluator evaluator = new RuleEvaluator(new CachedFacts(endpoint, installedKbs));
        for (DetectionRuleSet.Entry entry : rules.entries()) {
            RuleEvaluator.Evaluation evaluation = evaluator.evaluate(entry.rule());
            RuleOutcome outcome = switch (evaluation.result()) {
                case TRUE -> RuleOutcome.TRUE;
                case FALSE -> RuleOutcome.FALSE;
                case UNKNOWN -> RuleOutcome.ERROR;
            };
            String detail = evaluation.errors().isEmpty() ? null : String.join("; ", evaluation.errors());
            if (detail != null && detail.length() > 1000) {
                detail = detail.substring(0, 1000) + "...";
            }
            results.add(new RuleResult(entry.updateId(), entry.kb(), entry.ruleId(), outcome, detail));
        }
        return results;
    }

    public static OsIdentity osIdentityOf(ComputerIdentity computer) {
        String[] parts = computer.build().split("\\.");
        String version = parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : computer.build();
        String build = parts.length >= 4 ? parts[2] + "." + parts[3] : null;
        return new OsIdentity(computer.name(), version, build, computer.servicePack().isBlank() ? null : computer.servicePack(),
            computer.architecture(), computer.product());
    }

    private static String digest(InventoryReport report) {
        StringBuilder content = new StringBuilder();
        content.append(report.os()).append('\n').append(report.full()).append('\n')
            .append(report.pendingReboot().pending()).append(report.pendingReboot().sources()).append('\n')
            .append(report.lastBootAt()).append('\n');
        report.installedUpdates().forEach(update -> content.append(update).append('\n'));
        report.scanErrors().forEach(error -> content.append(error.code()).append('\n'));
        report.ruleResults().forEach(result -> content.append(result.ruleId()).append('=').append(result.result()).append('\n'));
        if (report.windowsUpdate() != null) {
            content.append("windowsUpdate ").append(report.windowsUpdate().source()).append(' ')
                .append(report.windowsUpdate().errorCode()).append('\n');
            report.windowsUpdate().missing().forEach(update -> content.append(update.kb()).append(' ')
                .append(update.updateId()).append(' ').append(update.classification()).append('\n'));
        }
        return HexFormat.of().formatHex(AgentSignature.sha256(content.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
