package org.patchlake.ingest.client;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.patchlake.core.protocol.ComputerClassHint;
import org.patchlake.core.protocol.DeliveryAttempt;
import org.patchlake.core.protocol.DeliveryOutcome;
import org.patchlake.core.protocol.DeliveryReport;
import org.patchlake.core.protocol.EnrollRequest;
import org.patchlake.core.protocol.InstalledUpdate;
import org.patchlake.core.protocol.InventoryReport;
import org.patchlake.core.protocol.OsIdentity;
import org.patchlake.core.protocol.PendingReboot;
import org.patchlake.core.protocol.RebootSource;
import org.patchlake.core.protocol.RuleOutcome;
import org.patchlake.core.protocol.RuleResult;
import org.patchlake.core.protocol.ScanError;
import org.patchlake.core.protocol.UpdateSource;

/** Realistic protocol messages for the bench and the tests: Windows 10/Server machines with ~300 installed KBs. */
public final class SampleInventories {
    private static final OsIdentity[] SYSTEMS = {
        new OsIdentity("Microsoft Windows 10 Enterprise", "10.0.19045", "19045.3930", null, "x64",
                "Windows 10 Version 22H2 for x64-based Systems"),
        new OsIdentity("Microsoft Windows 11 Enterprise", "10.0.22631", "22631.3007", null, "x64",
                "Windows 11 Version 23H2 for x64-based Systems"),
        new OsIdentity("Microsoft Windows Server 2019 Standard", "10.0.17763", "17763.5329", null, "x64",
                "Windows Server 2019"),
        new OsIdentity("Microsoft Windows Server 2008 R2 Enterprise", "6.1.7601", "7601.24545", "Service Pack 1", "x64",
                "Windows Server 2008 R2 for x64-based Systems Service Pack 1")};

    private final Random random;

    public SampleInventories(long seed) {
        this.random = new Random(seed);
    }

    public EnrollRequest enrollment(String token, int index) {
        return new EnrollRequest(token, String.format("WS%06d", index), "corp.example.com", os(index),
                String.format("4C4C4544-%04X-%04X-8000-%012X", index % 65536, index / 65536, (long) index * 7919),
                "1.0.0", index % 10 == 0 ? ComputerClassHint.SERVER : ComputerClassHint.WORKSTATION, 1 + index % 4);
    }

    public InventoryReport inventory(String messageId, String computerId, int index, int installedCount, Instant now) {
        List<InstalledUpdate> installed = new ArrayList<>(installedCount);
        LocalDate day = LocalDate.of(2019, 1, 8);
        int kb = 4_480_000 + random.nextInt(2_000);
        for (int i = 0; i < installedCount; i++) {
            kb += 1 + random.nextInt(3_000);
            day = day.plusDays(random.nextInt(6));
            installed.add(new InstalledUpdate("KB" + kb, random.nextInt(50) == 0 ? null : day,
                    i % 7 == 0 ? UpdateSource.WINDOWS_UPDATE : UpdateSource.QFE));
        }
        boolean pending = random.nextInt(8) == 0;
        PendingReboot reboot = pending
                ? new PendingReboot(true, List.of(RebootSource.WU_REBOOT_REQUIRED, RebootSource.CBS_REBOOT_PENDING), now.minus(Duration.ofHours(30)))
                : PendingReboot.NONE;
        List<ScanError> errors = random.nextInt(20) == 0 ? List.of(new ScanError("0x8024402C", "WU server unreachable")) : List.of();
        List<RuleResult> rules = List.of(new RuleResult("KB5034441|" + os(index).product(), "KB5034441", "r-5034441-1",
                RuleOutcome.FALSE, null));
        return new InventoryReport(messageId, computerId, now.minusSeconds(5), os(index), installed, reboot,
                now.minus(Duration.ofDays(3)), "1.0.0", 4_000L + random.nextInt(20_000), errors, rules, true);
    }

    public DeliveryReport delivery(String messageId, String computerId, Instant now) {
        return new DeliveryReport(messageId, computerId, List.of(
                new DeliveryAttempt("p-1", "KB5034441", 1, now.minusSeconds(600), now.minusSeconds(500),
                        DeliveryAttempt.unsigned(0x80240017), DeliveryOutcome.FAILED_WILL_RETRY, "WU_E_NOT_APPLICABLE"),
                new DeliveryAttempt("p-1", "KB5034441", 2, now.minusSeconds(300), now.minusSeconds(200), 3010L,
                        DeliveryOutcome.SUCCEEDED_REBOOT_REQUIRED, null)));
    }

    private static OsIdentity os(int index) {
        return SYSTEMS[Math.floorMod(index, SYSTEMS.length)];
    }
}
