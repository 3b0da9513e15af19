package org.patchlake.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.patchlake.cli.CommandMain;
import org.patchlake.cli.Commands;
import org.patchlake.cli.HelpOption;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.registry.AgentRegistry;
import org.patchlake.ingest.registry.EnrolledComputer;
import org.patchlake.ingest.registry.EnrollmentToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./patchlake tokens ...}: enrollment tokens and computer revocation, safe to run while ingest runs
 * (changes reach a running server within a second).
 * <pre>
 * tokens create --site S --region R [--expires 30d|2026-12-31T00:00:00Z] [--data DIR]
 * tokens list [--data DIR]
 * tokens revoke TOKEN_ID [--data DIR]
 * tokens computers [--data DIR]
 * tokens revoke-computer COMPUTER_ID [--data DIR]
 * </pre>
 */
@Command(name = Commands.TOKENS, description = Commands.TOKENS_SUMMARY,
        footer = "Safe to run while the server runs: changes reach it within a second.")
public final class TokensCommand {
    @Mixin
    HelpOption help;

    private final Clock clock;
    private final PrintStream out;

    public TokensCommand() {
        this(Clock.systemUTC(), System.out);
    }

    TokensCommand(Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    public static void main(String[] args) {
        CommandMain.exit(Commands.TOKENS, new TokensCommand(), args);
    }

    /** {@code --data DIR}, on every subcommand. */
    static final class DataOption {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "Data directory. Default: ${DEFAULT-VALUE}.")
        Path data;
    }

    private AgentRegistry registry(DataOption option) {
        Path ingestDirectory = IngestConfig.defaults(option.data).ingestDirectory();
        return new AgentRegistry(ingestDirectory, new ProtocolJson().mapper(), new SecureRandom(), clock);
    }

    @Command(name = "create", description = "Create an enrollment token for a site")
    int create(@Mixin HelpOption help, @Mixin DataOption data,
            @Option(names = "--site", paramLabel = "S", required = true, description = "The site its computers belong to.") String site,
            @Option(names = "--region", paramLabel = "R", required = true, description = "The site's region.") String region,
            @Option(names = "--expires", paramLabel = "WHEN", description = "30d, 12h or an instant like 2026-12-31T00:00:00Z "
                    + "(default: no expiry).") String expires) {
        Instant expiry = expiry(expires, clock.instant());
        AgentRegistry.CreatedToken created = registry(data).createToken(site, region, expiry);
        out.println("token " + created.token().tokenId() + " for site " + site + ", region " + region
                + (expiry == null ? ", no expiry" : ", expires " + expiry));
        out.println(created.clearText());
        out.println("(shown once: only its SHA-256 is stored)");
        return 0;
    }

    @Command(name = "list", description = "List the enrollment tokens")
    int list(@Mixin HelpOption help, @Mixin DataOption data) {
        out.printf("%-16s %-20s %-12s %-24s %-24s %s%n", "TOKEN", "SITE", "REGION", "CREATED", "EXPIRES", "STATUS");
        for (EnrollmentToken token : registry(data).tokens()) {
            out.printf("%-16s %-20s %-12s %-24s %-24s %s%n", token.tokenId(), token.site(), token.region(), token.createdAt(),
                    token.expiresAt() == null ? "-" : token.expiresAt(), token.usableAt(clock.instant()) ? "active"
                            : token.revokedAt() != null ? "revoked " + token.revokedAt() : "expired");
        }
        return 0;
    }

    @Command(name = "revoke", description = "Revoke an enrollment token")
    int revoke(@Mixin HelpOption help, @Mixin DataOption data, @Parameters(paramLabel = "TOKEN_ID") String id) {
        if (!registry(data).revokeToken(id)) {
            System.err.println("patchlake tokens: no token " + id);
            return 1;
        }
        out.println("token " + id + " revoked");
        return 0;
    }

    @Command(name = "computers", description = "List the enrolled computers")
    int computers(@Mixin HelpOption help, @Mixin DataOption data) {
        out.printf("%-20s %-24s %-20s %-12s %-24s %s%n", "COMPUTER", "HOSTNAME", "SITE", "REGION", "ENROLLED", "STATUS");
        for (EnrolledComputer computer : registry(data).computers()) {
            out.printf("%-20s %-24s %-20s %-12s %-24s %s%n", computer.computerId(), computer.hostname(), computer.site(),
                    computer.region(), computer.enrolledAt(), computer.revoked() ? "revoked " + computer.revokedAt() : "active");
        }
        return 0;
    }

    @Command(name = "revoke-computer", description = "Revoke an enrolled computer: its requests and re-enrollment are refused")
    int revokeComputer(@Mixin HelpOption help, @Mixin DataOption data, @Parameters(paramLabel = "COMPUTER_ID") String id) {
        if (!registry(data).revokeComputer(id)) {
            System.err.println("patchlake tokens: no computer " + id);
            return 1;
        }
        out.println("computer " + id + " revoked: its requests and re-enrollment are refused");
        return 0;
    }

    /** {@code 30d}, {@code 12h} or an ISO instant; null means no expiry. */
    static Instant expiry(String text, Instant now) {
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("[0-9]+[dh]")) {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return now.plus(text.endsWith("d") ? Duration.ofDays(amount) : Duration.ofHours(amount)).truncatedTo(ChronoUnit.SECONDS);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("--expires must be like 30d, 12h or 2026-12-31T00:00:00Z but was '" + text + "'");
        }
    }
}
