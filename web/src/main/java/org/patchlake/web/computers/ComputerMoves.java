package org.patchlake.web.computers;

import org.patchlake.web.audit.AuditLog;
import org.patchlake.web.auth.User;
import org.patchlake.web.enrollment.EnrollmentTokens;
import org.patchlake.web.http.BadParameterException;
import org.patchlake.web.http.WebException;

import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Moving an enrolled computer to another site and region: an administrator's action (DESIGN.md), audited as
 * {@code computer_moved} with the place before and after. The target must be a site known from its enrollment tokens,
 * so a typo cannot invent a site.
 */
public final class ComputerMoves {
    private final EnrollmentTokens tokens;
    private final AuditLog audit;

    public ComputerMoves(EnrollmentTokens tokens, AuditLog audit) {
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.audit = requireNonNull(audit, "audit is null");
    }

    public EnrollmentTokens.Moved move(User actor, String computerId, String region, String site, String address) {
        String newRegion = requireText("region", region);
        String newSite = requireText("site", site);
        boolean known = tokens.list().stream().anyMatch(token -> token.region().equals(newRegion) && token.site().equals(newSite));
        if (!known) {
            throw new BadParameterException("site", "no enrollment token was ever made for site '" + newSite + "' in region '"
                    + newRegion + "'; create one first (a computer moves only to a site its agents can enroll at)");
        }
        EnrollmentTokens.Moved moved;
        try {
            moved = tokens.move(computerId, newRegion, newSite, actor.name());
        } catch (EnrollmentTokens.UnknownComputer unknown) {
            throw WebException.notFound(unknown.getMessage());
        } catch (IllegalArgumentException refused) {
            throw WebException.conflict(refused.getMessage());
        }
        audit.record(actor.name(), "computer_moved", "computer:" + computerId, place(moved.before()), place(moved.after()), address);
        return moved;
    }

    private static Map<String, String> place(EnrollmentTokens.Computer computer) {
        Map<String, String> place = new LinkedHashMap<>();
        place.put("region", computer.region());
        place.put("site", computer.site());
        return place;
    }

    private static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameterException(name, name + " is required");
        }
        String trimmed = value.trim();
        if (!trimmed.matches("[A-Za-z0-9 _.-]{1,100}")) {
            throw new BadParameterException(name, name + " has characters a " + name + " name cannot have: '"
                    + org.patchlake.web.http.Params.abbreviate(trimmed) + "'");
        }
        return trimmed;
    }
}
