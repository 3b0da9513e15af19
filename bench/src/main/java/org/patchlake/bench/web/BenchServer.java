package org.patchlake.bench.web;

import org.patchlake.web.ServeCommand;
import org.patchlake.web.WebConfig;
import org.patchlake.web.WebServer;
import org.patchlake.web.auth.PasswordHasher;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.auth.SignInLimiter;
import org.patchlake.web.users.UserStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The server the bench measures when it is not given a URL: the production wiring ({@link ServeCommand#assemble})
 * on 127.0.0.1 over a temporary data directory whose {@code warehouse} links to the warehouse under test, with
 * one security administrator (all regions) and one regional manager per region as bench users.
 */
final class BenchServer implements AutoCloseable {
    /** A user the viewers sign in as. */
    record Account(String name, String password, String scope) {
        Account {
            requireNonNull(name, "name is null");
            requireNonNull(password, "password is null");
            requireNonNull(scope, "scope is null");
        }
    }

    private static final int BENCH_BCRYPT_COST = 4;

    private final Path data;
    private final WebServer server;
    private final int port;
    private final List<Account> accounts = new ArrayList<>();

    /**
     * @param queryCache where the server keeps each snapshot's DuckDB database (built on first use, minutes at the design
     *                   point); null = inside the temporary data directory, built again by every run
     */
    BenchServer(Path warehouse, Path queryCache) throws IOException {
        if (!Files.exists(warehouse.resolve("CURRENT"))) {
            throw new IllegalArgumentException("--warehouse " + warehouse + " has no CURRENT snapshot pointer");
        }
        data = Files.createTempDirectory("patchlake-webbench-");
        Files.createSymbolicLink(data.resolve("warehouse"), warehouse.toAbsolutePath());
        if (queryCache != null) {
            Files.createDirectories(queryCache);
            Files.createSymbolicLink(data.resolve("warehouse-query-cache"), queryCache.toAbsolutePath());
        }
        WebConfig config = WebConfig.defaults(data).withHost("127.0.0.1").withPort(0).withEtl(List.of(), Duration.ZERO)
                .withSecurity(PasswordHasher.DEFAULT_COST, SignInLimiter.Limits.defaults(), null);
        server = ServeCommand.assemble(config, Clock.systemUTC());
        port = server.start();
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        // bench users get a cheap bcrypt cost: sign-in is not what the bench measures, and 50 cost-12 sign-ins at once
        // take minutes on a busy 2-core machine before the first page is opened
        String hash = new PasswordHasher(BENCH_BCRYPT_COST).hash(password);
        UserStore users = server.services().users();
        users.create("bench-admin", details(EnumSet.of(Role.SECURITY_ADMIN), Scope.everything()), hash);
        accounts.add(new Account("bench-admin", password, "all regions"));
        for (String region : server.services().reports().regions(Scope.everything())) {
            String name = "bench-" + region.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            users.create(name, details(EnumSet.of(Role.REGIONAL_MANAGER), Scope.of(Set.of(region), Set.of())), hash);
            accounts.add(new Account(name, password, "region " + region));
        }
    }

    private static UserStore.UserDetails details(Set<Role> roles, Scope scope) {
        return new UserStore.UserDetails("Bench viewer", roles, scope, false, ZoneOffset.UTC);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The administrator first, then one regional manager per region. */
    List<Account> accounts() {
        return List.copyOf(accounts);
    }

    WebServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("web bench: could not delete " + data + ": " + e.getMessage());
        }
    }
}
