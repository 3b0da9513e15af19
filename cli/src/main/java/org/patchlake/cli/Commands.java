package org.patchlake.cli;

import java.util.List;

/**
 * Every command of {@code ./patchlake}: its name and one-line summary, written once. Each module's picocli
 * {@code @Command} takes its name and description from these constants, and {@link PatchlakeHelp} lists the whole tree
 * from {@link #TREE}, so the root help, each command's own help and the README's command table cannot drift apart.
 */
public final class Commands {
    public static final String DEMO = "demo";
    public static final String DEMO_SUMMARY = "Generate a fleet, run its agents against the server in fast-forward time, "
            + "run the ETL and serve the result at http://localhost:7070";
    public static final String CATALOG = "catalog";
    public static final String CATALOG_SUMMARY = "The update catalog";
    public static final String CATALOG_IMPORT = "import";
    public static final String CATALOG_IMPORT_SUMMARY = "Import the update catalog (wesng definitions.zip or CSV, a file or an "
            + "https:// address, or 'generated') into the warehouse as Parquet";
    public static final String CATALOG_IMPORT_KEV = "import-kev";
    public static final String CATALOG_IMPORT_KEV_SUMMARY = "Import CISA's Known Exploited Vulnerabilities catalog (JSON, a file "
            + "or an https:// address); the next ETL run marks bulletins known exploited";
    public static final String CATALOG_IMPORT_EPSS = "import-epss";
    public static final String CATALOG_IMPORT_EPSS_SUMMARY = "Import FIRST EPSS scores (CSV cve,epss,percentile, gzip accepted; "
            + "optional)";
    public static final String EVALUATE = "evaluate";
    public static final String EVALUATE_SUMMARY = "Parse systeminfo / wmic qfe / update-title inventories and list the updates "
            + "each machine requires and what to install";
    public static final String SERVE = "serve";
    public static final String SERVE_SUMMARY = "Serve the web UI, the reports and the agent API on one port";
    public static final String INGEST = "ingest";
    public static final String INGEST_SUMMARY = "Serve the agent API alone";
    public static final String TOKENS = "tokens";
    public static final String TOKENS_SUMMARY = "Enrollment tokens for agents and computer revocation";
    public static final String ETL = "etl";
    public static final String ETL_SUMMARY = "Land agent data into the Parquet warehouse and publish a snapshot";
    public static final String REPORT = "report";
    public static final String REPORT_SUMMARY = "Render one report to a file (pdf, html, xlsx or csv) for scripting";
    public static final String AGENT = "agent";
    public static final String AGENT_SUMMARY = "Run the endpoint agent (on Windows, or on a simulated machine)";
    public static final String FLEET = "fleet";
    public static final String FLEET_SUMMARY = "Generate a realistic fleet of simulated Windows computers";
    public static final String FLEET_GENERATE = "generate";
    public static final String FLEET_GENERATE_SUMMARY = "Write a generated fleet to DIR/fleet.jsonl.gz";
    public static final String BENCH = "bench";
    public static final String BENCH_SUMMARY = "Benchmarks, fault campaigns and fuzzing (print their figures; never part of the tests)";
    public static final String BENCH_CATALOG = "catalog";
    public static final String BENCH_CATALOG_SUMMARY = "Catalog parse and import times";
    public static final String BENCH_EVALUATE = "evaluate";
    public static final String BENCH_EVALUATE_SUMMARY = "Evaluate times over the real inventories";
    public static final String BENCH_INGEST = "ingest";
    public static final String BENCH_INGEST_SUMMARY = "Signed agent uploads per second against a real ingest server";
    public static final String BENCH_ETL = "etl";
    public static final String BENCH_ETL_SUMMARY = "ETL run times over a generated landing";
    public static final String BENCH_QUERIES = "queries";
    public static final String BENCH_QUERIES_SUMMARY = "Report query latency: DuckDB over the Parquet warehouse against PostgreSQL";
    public static final String BENCH_REPORTS = "reports";
    public static final String BENCH_REPORTS_SUMMARY = "Report fill and export times per format";
    public static final String BENCH_WEB = "web";
    public static final String BENCH_WEB_SUMMARY = "Concurrent report viewers against a real server";
    public static final String BENCH_VISIBILITY = "visibility";
    public static final String BENCH_VISIBILITY_SUMMARY = "How soon an upload becomes visible in the reports";
    public static final String BENCH_AGENT = "agent";
    public static final String BENCH_AGENT_SUMMARY = "Agent scan and rule evaluation times";
    public static final String BENCH_FAULTS = "faults";
    public static final String BENCH_FAULTS_SUMMARY = "Fault campaigns: 'ingest' kills serve under signed uploads and counts "
            + "landing; 'etl' kills the ETL at seeded points and compares the next run";
    public static final String BENCH_FUZZ = "fuzz";
    public static final String BENCH_FUZZ_SUMMARY = "Coverage-guided fuzzing (Jazzer) of the parsers";
    public static final String TEST = "test";
    public static final String TEST_SUMMARY = "Run every test (same as: mvn -B verify)";
    public static final String BUILD = "build";
    public static final String BUILD_SUMMARY = "Build everything now (skipping tests)";
    public static final String HELP = "help";
    public static final String HELP_SUMMARY = "This text; 'help COMMAND' is the same as 'COMMAND --help'";

    /** The whole tree in the order the help lists it. */
    public static final List<CommandEntry> TREE = List.of(
            CommandEntry.leaf(DEMO, DEMO_SUMMARY),
            CommandEntry.group(CATALOG, CATALOG_SUMMARY, CommandEntry.leaf(CATALOG_IMPORT, CATALOG_IMPORT_SUMMARY),
                    CommandEntry.leaf(CATALOG_IMPORT_KEV, CATALOG_IMPORT_KEV_SUMMARY),
                    CommandEntry.leaf(CATALOG_IMPORT_EPSS, CATALOG_IMPORT_EPSS_SUMMARY)),
            CommandEntry.leaf(EVALUATE, EVALUATE_SUMMARY),
            CommandEntry.leaf(SERVE, SERVE_SUMMARY),
            CommandEntry.leaf(INGEST, INGEST_SUMMARY),
            CommandEntry.group(TOKENS, TOKENS_SUMMARY,
                    CommandEntry.leaf("create", "Create an enrollment token for a site"),
                    CommandEntry.leaf("list", "List the enrollment tokens"),
                    CommandEntry.leaf("revoke", "Revoke an enrollment token"),
                    CommandEntry.leaf("computers", "List the enrolled computers"),
                    CommandEntry.leaf("revoke-computer", "Revoke an enrolled computer: its requests and re-enrollment are refused")),
            CommandEntry.leaf(ETL, ETL_SUMMARY),
            CommandEntry.leaf(REPORT, REPORT_SUMMARY),
            CommandEntry.leaf(AGENT, AGENT_SUMMARY),
            CommandEntry.group(FLEET, FLEET_SUMMARY, CommandEntry.leaf(FLEET_GENERATE, FLEET_GENERATE_SUMMARY)),
            CommandEntry.group(BENCH, BENCH_SUMMARY,
                    CommandEntry.leaf(BENCH_CATALOG, BENCH_CATALOG_SUMMARY),
                    CommandEntry.leaf(BENCH_EVALUATE, BENCH_EVALUATE_SUMMARY),
                    CommandEntry.leaf(BENCH_INGEST, BENCH_INGEST_SUMMARY),
                    CommandEntry.leaf(BENCH_ETL, BENCH_ETL_SUMMARY),
                    CommandEntry.leaf(BENCH_QUERIES, BENCH_QUERIES_SUMMARY),
                    CommandEntry.leaf(BENCH_REPORTS, BENCH_REPORTS_SUMMARY),
                    CommandEntry.leaf(BENCH_WEB, BENCH_WEB_SUMMARY),
                    CommandEntry.leaf(BENCH_VISIBILITY, BENCH_VISIBILITY_SUMMARY),
                    CommandEntry.leaf(BENCH_AGENT, BENCH_AGENT_SUMMARY),
                    CommandEntry.leaf(BENCH_FAULTS, BENCH_FAULTS_SUMMARY),
                    CommandEntry.leaf(BENCH_FUZZ, BENCH_FUZZ_SUMMARY)),
            CommandEntry.leaf(TEST, TEST_SUMMARY),
            CommandEntry.leaf(BUILD, BUILD_SUMMARY),
            CommandEntry.leaf(HELP, HELP_SUMMARY));

    private Commands() {
    }
}
