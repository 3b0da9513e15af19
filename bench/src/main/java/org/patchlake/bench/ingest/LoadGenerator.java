package org.patchlake.bench.ingest;

import org.patchlake.ingest.client.SampleInventories;
import org.patchlake.ingest.client.ProtocolClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The bench's load generator, run in its own JVM by {@link IngestBench} and driven over stdin/stdout: enrolls
 * {@code --agents} simulated agents and makes one inventory template each (300 installed KBs), then for every
 * phase the bench asks for ({@code run NAME COUNT SECONDS}) prepares COUNT distinct signed-later gzip uploads,
 * prints {@code sending}, posts them from {@code --concurrency} keep-alive connections until COUNT are sent or
 * SECONDS elapse, prints {@code sent} and one JSON summary line, and writes the acknowledged message ids to
 * {@code --acked-dir/NAME.txt}. {@code --rate R} makes the phases open-loop ({@link UploadRun}).
 */
@Command(name = "load-generator", description = "The load generator process of bench ingest (started by it)")
public final class LoadGenerator implements java.util.concurrent.Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--url", paramLabel = "URL", required = true, description = "The ingest server.")
    URI url;

    @Option(names = "--token", paramLabel = "TOKEN", required = true, description = "Enrollment token.")
    String token;

    @Option(names = "--prefix", paramLabel = "P", defaultValue = "bench", description = "Message id prefix. Default: ${DEFAULT-VALUE}.")
    String prefix;

    @Option(names = "--acked-dir", paramLabel = "DIR", required = true, description = "Where acknowledged ids are written.")
    Path ackedDirectory;

    @Mixin
    GeneratorOptions generatorOptions;

    record Options(URI url, String token, int agents, int concurrency, double rate, String prefix, Path ackedDirectory, int installed) {
    }

    public static void main(String[] args) {
        CommandMain.exit("bench ingest load-generator", new LoadGenerator(), args);
    }

    @Override
    public Integer call() throws Exception {
        Options options = new Options(url, token, generatorOptions.agents, generatorOptions.concurrency, generatorOptions.rate,
                prefix, ackedDirectory, generatorOptions.installed);
        ObjectMapper mapper = new ObjectMapper();
        ProtocolJson json = new ProtocolJson();
        List<ProtocolClient.Credentials> agents = enroll(new ProtocolClient(options.url(), Clock.systemUTC()), json, options);
        List<InventoryTemplate> templates = templates(json, agents, options.installed());
        System.out.println("ready");
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String command;
        while ((command = commands.readLine()) != null && command.startsWith("run ")) {
            String[] parts = command.split(" ");
            String name = parts[1];
            int count = Integer.parseInt(parts[2]);
            int seconds = Integer.parseInt(parts[3]);
            UploadConnection.PreparedUpload[] uploads = prepare(agents, templates, options.prefix() + "-" + name, count);
            UploadRun.Result result = new UploadRun(options.url(), options.concurrency(), options.rate()).run(uploads, seconds,
                    () -> {
                        System.out.println("sending");
                        System.out.flush();
                    });
            System.out.println("sent");
            writeLines(options.ackedDirectory().resolve(name + ".txt"), result.acknowledgedIds());
            Map<String, Object> summary = result.summary();
            summary.put("agents", agents.size());
            System.out.println(mapper.writeValueAsString(summary));
            System.out.flush();
        }
        return 0;
    }

    /** COUNT uploads named PREFIX-i, round robin over the agents, bodies and their hashes made now (untimed). */
    private static UploadConnection.PreparedUpload[] prepare(List<ProtocolClient.Credentials> agents, List<InventoryTemplate> templates,
            String prefix, int count) {
        UploadConnection.PreparedUpload[] uploads = new UploadConnection.PreparedUpload[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            int agent = i % agents.size();
            String id = prefix + "-" + i;
            uploads[i] = UploadConnection.PreparedUpload.of(agents.get(agent), id, templates.get(agent).body(id));
        });
        return uploads;
    }

    private static List<InventoryTemplate> templates(ProtocolJson json, List<ProtocolClient.Credentials> agents, int installed) {
        return IntStream.range(0, agents.size()).parallel()
                .mapToObj(i -> InventoryTemplate.of(json, new SampleInventories(i), agents.get(i).computerId(), i, installed))
                .toList();
    }

    private static List<ProtocolClient.Credentials> enroll(ProtocolClient client, ProtocolJson json, Options options) throws Exception {
        SampleInventories samples = new SampleInventories(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ProtocolClient.Credentials>> futures = new ArrayList<>();
        for (int i = 0; i < options.agents(); i++) {
            byte[] request = json.write(samples.enrollment(options.token(), i));
            futures.add(pool.submit(() -> {
                HttpResponse<String> response = client.enroll(request);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("enroll failed: " + response.statusCode() + " " + response.body());
                }
                JsonNode body = json.mapper().readTree(response.body());
                return new ProtocolClient.Credentials(body.get("computerId").asText(), body.get("agentSecret").asText());
            }));
        }
        List<ProtocolClient.Credentials> agents = new ArrayList<>();
        for (Future<ProtocolClient.Credentials> future : futures) {
            agents.add(future.get());
        }
        pool.shutdown();
        return agents;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void writeLines(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
