package org.patchlake.sample;

import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.patchlake.web.WebServices;
import org.patchlake.web.auth.Role;
import org.patchlake.web.auth.Scope;
import org.patchlake.web.users.UserStore;

/** One sample user per role of DESIGN.md, with fresh random passwords printed at the end of the demo. */
final class DemoUsers {
    /** The IT administrator (all regions) who starts the demo's remediation wave. */
    static final String WAVE_USER = "itadmin";
    /** The security administrator who grants the demo's exceptions. */
    static final String EXCEPTION_USER = "secadmin";
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    record Created(String name, String password, String roles, String scope) {
    }

    private DemoUsers() {
    }

    static List<Created> create(WebServices services, SecureRandom random) {
        record Planned(String name, String displayName, Set<Role> roles, Scope scope) {
        }
        List<Planned> planned = List.of(
            new Planned("admin", "Demo Administrator", EnumSet.of(Role.PLATFORM_ADMIN, Role.SECURITY_ADMIN), Scope.everything()),
            new Planned("secadmin", "Security Administrator", EnumSet.of(Role.SECURITY_ADMIN), Scope.everything()),
            new Planned("emea.manager", "EMEA IT Manager", EnumSet.of(Role.REGIONAL_MANAGER), Scope.of(Set.of("EMEA"), Set.of())),
            new Planned(WAVE_USER, "IT Administrator", EnumSet.of(Role.IT_ADMIN), Scope.everything()),
            new Planned("na.itadmin", "North America IT Administrator", EnumSet.of(Role.IT_ADMIN),
                Scope.of(Set.of("North America"), Set.of())),
            new Planned("executive", "Executive", EnumSet.of(Role.EXECUTIVE), Scope.everything()),
            new Planned("platform", "Platform Administrator", EnumSet.of(Role.PLATFORM_ADMIN), Scope.everything()));
        List<Created> created = new ArrayList<>();
        for (Planned user : planned) {
            String password = password(random);
            services.userAdministration().create("demo", user.name(),
                new UserStore.UserDetails(user.displayName(), user.roles(), user.scope(), false, ZoneOffset.UTC),
                password, "127.0.0.1");
            created.add(new Created(user.name(), password, user.roles().stream().map(Role::title).toList().toString(),
                user.scope().describe()));
        }
        return created;
    }

    private static String password(SecureRandom random) {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            if (i % 4 == 3 && i < 15) {
                password.append('-');
            }
        }
        return password.toString();
    }
}
