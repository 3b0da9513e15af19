package org.patchlake.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.patchlake.ingest.http.ProtocolJson;
import org.patchlake.ingest.registry.AgentRegistry;
import org.patchlake.ingest.registry.EnrolledComputer;
import org.patchlake.ingest.registry.EnrollmentToken;

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
public final class TokensCommand {
    private static final String USAGE = """
            usage: ./patchlake tokens create --site S --region R [--expires 30d|ISO-instant] [--data DIR]
                   ./patchlake tokens list [--data DIR]
                   ./patchlake tokens revoke TOKEN_ID [--data DIR]
                   ./patchlake tokens computers [--data DIR]
                   ./patchlake tokens revoke-computer COMPUTER_ID [--data DIR]""";

    private TokensCommand() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args, Clock.systemUTC(), System.out));
        } catch (IllegalArgumentException e) {
            System.err.println("patchlake tokens: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    static int run(String[] args, Clock clock, PrintStream out) {
        CommandLine line = CommandLine.parse(args, Set.of("--data", "--site", "--region", "--expires"));
        List<String> words = line.positional();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("missing subcommand");
        }
        Path ingestDirectory = IngestConfig.defaults(Path.of(line.flag("--data", "data"))).ingestDirectory();
        AgentRegistry registry = new AgentRegistry(ingestDirectory, new ProtocolJson().mapper(), new SecureRandom(), clock);
        switch (words.get(0)) {
            case "create" -> {
                String site = line.flag("--site", null);
                String region = line.flag("--region", null);
                if (site == null || region == null) {
                    throw new IllegalArgumentException("create needs --site and --region");
                }
                Instant expires = expiry(line.flag("--expires", null), clock.instant());
                AgentRegistry.CreatedToken created = registry.createToken(site, region, expires);
                out.println("token " + created.token().tokenId() + " for site " + site + ", region " + region
                        + (expires == null ? ", no expiry" : ", expires " + expires));
                out.println(created.clearText());
                out.println("(shown once: only its SHA-256 is stored)");
                return 0;
            }
            case "list" -> {
                out.printf("%-16s %-20s %-12s %-24s %-24s %s%n", "TOKEN", "SITE", "REGION", "CREATED", "EXPIRES", "STATUS");
                for (EnrollmentToken token : registry.tokens()) {
                    out.printf("%-16s %-20s %-12s %-24s %-24s %s%n", token.tokenId(), token.site(), token.region(), token.createdAt(),
                            token.expiresAt() == null ? "-" : token.expiresAt(), token.usableAt(clock.instant()) ? "active"
                                    : token.revokedAt() != null ? "revoked " + token.revokedAt() : "expired");
                }
                return 0;
            }
            case "revoke" -> {
                String id = single(words, "revoke TOKEN_ID");
                if (!registry.revokeToken(id)) {
                    System.err.println("patchlake tokens: no token " + id);
                    return 1;
                }
                out.println("token " + id + " revoked");
                return 0;
            }
            case "computers" -> {
                out.printf("%-20s %-24s %-20s %-12s %-24s %s%n", "COMPUTER", "HOSTNAME", "SITE", "REGION", "ENROLLED", "STATUS");
                for (EnrolledComputer computer : registry.computers()) {
                    out.printf("%-20s %-24s %-20s %-12s %-24s %s%n", computer.computerId(), computer.hostname(), computer.site(),
                            computer.region(), computer.enrolledAt(), computer.revoked() ? "revoked " + computer.revokedAt() : "active");
                }
                return 0;
            }
            case "revoke-computer" -> {
                String id = single(words, "revoke-computer COMPUTER_ID");
                if (!registry.revokeComputer(id)) {
                    System.err.println("patchlake tokens: no computer " + id);
                    return 1;
                }
                out.println("computer " + id + " revoked: its requests and re-enrollment are refused");
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown subcommand '" + words.get(0) + "'");
        }
    }

    private static String single(List<String> words, String usage) {
        if (words.size() != 2) {
            throw new IllegalArgumentException("usage: tokens " + usage);
        }
        return words.get(1);
    }

    /** {@code 30d}, {@code 12h} or an ISO instant; null means no expiry. */
    static Instant expiry(String text, Instant now) {
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("[0-9]+[dh]")) {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return now.plus(text.endsWith("d") ? Duration.ofDays(amount) : Duration.ofHours(amount)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            }
            return Instant.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("--expires must be like 30d, 12h or 2026-12-31T00:00:00Z but was '" + text + "'");
        }
    }
}
