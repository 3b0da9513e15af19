package org.patchlake.bench.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.patchlake.agent.SettableClock;
import org.patchlake.agent.endpoint.SimulatedEndpoint;
import org.patchlake.agent.endpoint.SimulatedMachine;
import org.patchlake.agent.scan.DetectionRuleSet;
import org.patchlake.agent.scan.Scanner;
import org.patchlake.agent.upload.AgentJson;
import org.patchlake.core.protocol.InventoryReport;
import org.patchlake.core.protocol.RuleOutcome;
import org.patchlake.core.rules.DetectionRule;
import org.patchlake.core.rules.RuleParser;
import org.patchlake.bench.BenchData;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./patchlake bench agent [--product NAME] [--scans N]}: the agent's footprint for one scan with the real
 * catalog's rules for one product (default Windows 10 1809 x64): one rule per KB from wesng (KB or a direct
 * superseder installed) plus a few registry and file-version rules, on a simulated machine that has the updates of
 * a real 1809 capture. Prints rule count, heap retained by the rules, bytes allocated and CPU time per scan.
 */
@Command(name = Commands.BENCH_AGENT, description = Commands.BENCH_AGENT_SUMMARY, sortOptions = false)
public final class AgentBench implements java.util.concurrent.Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--product", paramLabel = "NAME", defaultValue = "Windows 10 Version 1809 for x64-based Systems",
            description = "The catalog product whose rules are scanned. Default: ${DEFAULT-VALUE}.")
    String product;

    @Option(names = "--scans", paramLabel = "N", defaultValue = "50", description = "Scans measured. Default: ${DEFAULT-VALUE}.")
    int scans;

    @Option(names = "--definitions", paramLabel = "FILE", description = "wesng's definitions.zip (default: the one in sample-data/wesng).")
    Path definitions;

    @Option(names = "--installed", paramLabel = "QFE", description = "A wmic qfe capture whose KBs the simulated machine has "
            + "(default: the real Windows 10 1809 capture in shared/data/wesng/validation when present, else none).")
    Path installedCapture;

    public static void main(String[] args) {
        CommandMain.exit("bench " + Commands.BENCH_AGENT, new AgentBench(), args);
    }

    @Override
    public Integer call() throws Exception {
        Path definitions = this.definitions != null ? this.definitions : BenchData.definitions();
        Path capture = installedCapture != null ? installedCapture : BenchData.shared()
            .map(shared -> shared.resolve("data/wesng/validation/10_1809_x64_pro_en-us_20190307_qfe.txt")).orElse(null);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long heapBefore = usedHeapAfterGc(memory);
        long loadStart = System.nanoTime();
        DetectionRuleSet wesng = WesngRules.forProduct(definitions, product);
        List<DetectionRuleSet.Entry> entries = new ArrayList<>(wesng.entries());
        entries.addAll(extraRules(product));
        DetectionRuleSet rules = new DetectionRuleSet(entries);
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        long heapWithRules = usedHeapAfterGc(memory);

        List<String> installed = capture == null ? List.of() : installedKbs(capture);
        SettableClock clock = new SettableClock(Instant.parse("2026-11-23T12:00:00Z"));
        SimulatedEndpoint machine = new SimulatedEndpoint(machine(product, installed), clock);
        Scanner scanner = new Scanner(machine, rules, clock, "bench");
        ObjectMapper json = AgentJson.mapper();

        long[] allocated = new long[scans];
        long[] cpu = new long[scans];
        long[] wall = new long[scans];
        InventoryReport report = null;
        for (int i = 0; i < scans; i++) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long wallBefore = System.nanoTime();
            report = scanner.scan("bench-" + i, "c-bench", clock.instant(), null).report();
            byte[] body = json.writeValueAsBytes(report);
            gzip(body);
            wall[i] = System.nanoTime() - wallBefore;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuBefore;
            allocated[i] = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        }
        byte[] body = json.writeValueAsBytes(report);
        long trueCount = report.ruleResults().stream().filter(r -> r.result() == RuleOutcome.TRUE).count();

        System.out.printf(Locale.ROOT, "agent footprint: one scan (identity, installed updates, pending reboot, rules, JSON, gzip)%n");
        System.out.printf(Locale.ROOT, "  product                 %s%n", product);
        System.out.printf(Locale.ROOT, "  rules                   %d (%d from wesng: KB or a direct superseder; %d registry/file)%n",
            rules.entries().size(), wesng.entries().size(), rules.entries().size() - wesng.entries().size());
        System.out.printf(Locale.ROOT, "  installed KBs           %d (from a real 1809 wmic qfe capture); rules TRUE: %d%n",
            installed.size(), trueCount);
        System.out.printf(Locale.ROOT, "  rule load               %d ms (parse wesng CSV, 135 MB, and build rules)%n", loadMillis);
        System.out.printf(Locale.ROOT, "  heap retained by rules  %.1f KiB%n", (heapWithRules - heapBefore) / 1024.0);
        System.out.printf(Locale.ROOT, "  inventory JSON          %d bytes, %d bytes gzip%n", body.length, gzip(body).length);
        System.out.printf(Locale.ROOT, "  first scan (cold)       cpu %.2f ms, wall %.2f ms, allocated %.1f KiB%n",
            cpu[0] / 1e6, wall[0] / 1e6, allocated[0] / 1024.0);
        System.out.printf(Locale.ROOT, "  warm scans (n=%d)       cpu median %.3f ms, wall median %.3f ms, allocated median %.1f KiB%n",
            scans - 1, median(cpu, 1) / 1e6, median(wall, 1) / 1e6, median(allocated, 1) / 1024.0);
        System.out.printf(Locale.ROOT, "  JVM heap used now       %.1f MiB (max %.0f MiB)%n", usedHeapAfterGc(memory) / 1048576.0,
            Runtime.getRuntime().maxMemory() / 1048576.0);
        return 0;
    }

    private static List<DetectionRuleSet.Entry> extraRules(String product) {
        String[] texts = {
            "(and (os-product \"" + product + "\") (file-version \"%SystemRoot%\\system32\\ntoskrnl.exe\" >= 10.0.17763.379))",
            "(or (registry-value \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\" UBR = 379) "
                + "(os-build >= 10.0.17763.379))",
            "(and (registry-key \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\") "
                + "(not (file \"%SystemRoot%\\system32\\mrxsmb10.sys\")))",
            "(or (registry-value \"HKLM\\SOFTWARE\\Microsoft\\Updates\\KB958644\" Installed = 1) "
                + "(and (not (registry-key \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB914961\")) "
                + "(file-version \"%SystemRoot%\\system32\\netapi32.dll\" >= 5.2.3790.462)))"};
        List<DetectionRuleSet.Entry> entries = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            DetectionRule rule = RuleParser.parse(texts[i]);
            entries.add(new DetectionRuleSet.Entry("extra-" + i, "KB4489899", null, rule));
        }
        return entries;
    }

    private static SimulatedMachine machine(String product, List<String> installed) {
        List<SimulatedMachine.Kb> kbs = installed.stream().map(kb -> new SimulatedMachine.Kb(kb, LocalDate.of(2019, 3, 7))).toList();
        return new SimulatedMachine("BENCH-1809", "corp.example", null,
            new SimulatedMachine.Os(product, "Microsoft Windows 10 Pro", "1809", "10.0.17763.348", "x64"),
            Instant.parse("2026-11-23T06:00:00Z"), kbs,
            Map.of("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", Map.of("UBR", "348", "CurrentBuildNumber", "17763")),
            Map.of("%SystemRoot%\\system32\\ntoskrnl.exe", "10.0.17763.348", "%SystemRoot%\\system32\\netapi32.dll",
                "10.0.17763.1"), null, null, null, null);
    }

    static List<String> installedKbs(Path qfeCapture) throws Exception {
        if (!Files.exists(qfeCapture)) {
            return List.of("KB4486553", "KB4470788", "KB4480056", "KB4487038", "KB4482887");
        }
        byte[] bytes = Files.readAllBytes(qfeCapture);
        String text = bytes.length > 1 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
            ? new String(bytes, StandardCharsets.UTF_16LE) : new String(bytes, StandardCharsets.UTF_8);
        List<String> kbs = new ArrayList<>();
        Matcher matcher = Pattern.compile("KB[0-9]{4,8}").matcher(text);
        while (matcher.find()) {
            if (!kbs.contains(matcher.group())) {
                kbs.add(matcher.group());
            }
        }
        return kbs;
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double median(long[] values, int from) {
        long[] part = Arrays.copyOfRange(values, Math.min(from, values.length - 1), values.length);
        Arrays.sort(part);
        return part[part.length / 2];
    }

    private static byte[] gzip(byte[] body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }
}
