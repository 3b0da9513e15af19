package org.patchlake.web.mail;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.patchlake.web.auth.AuthService.Viewer;
import org.patchlake.web.auth.Permission;
import org.patchlake.web.auth.User;
import org.patchlake.web.http.AccessControl;
import org.patchlake.web.http.WebException;
import org.patchlake.web.layout.Layout;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * {@code /mail}: the mails the embedded SMTP server received (what the recipients of scheduled reports got), one mail
 * with its text, and its attachments to download. Registered only when the server has a {@link MailOutbox}.
 * <p>
 * Who may read them: whoever manages every schedule ({@link Permission#MANAGE_SCHEDULES} with a scope of every
 * region: security administrators). A mail carries a report rendered in its schedule owner's scope, so only someone
 * who may see every region and every schedule may read every mail; platform administrators do not see compliance
 * figures and regional managers see their own regions only.
 */
public final class MailPages {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    private final MailOutbox outbox;

    public MailPages(MailOutbox outbox) {
        this.outbox = requireNonNull(outbox, "outbox is null");
    }

    /** Whether {@code user} may open the sent mail (the link is shown to them only). */
    public static boolean mayRead(User user) {
        return user.can(Permission.MANAGE_SCHEDULES) && user.scope().allRegions();
    }

    public void register(Javalin app) {
        app.get("/mail", this::list);
        app.get("/mail/{id}", this::show);
        app.get("/mail/{id}/attachments/{number}", this::attachment);
    }

    private static Viewer require(Context ctx) {
        Viewer viewer = AccessControl.require(ctx, Permission.MANAGE_SCHEDULES);
        if (!mayRead(viewer.user())) {
            throw WebException.forbidden("sent mail holds the reports of every schedule: it is for users who manage every "
                    + "schedule (manage_schedules with every region)");
        }
        return viewer;
    }

    private void list(Context ctx) {
        Viewer viewer = require(ctx);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("outbox", outbox.describe());
        parameters.put("mails", outbox.mails());
        parameters.put("zone", viewer.user().timeZone());
        ctx.html(Layout.render("mail/list.jte", Layout.frame(viewer, "Sent mail", Optional.empty(), false), parameters));
    }

    private void show(Context ctx) {
        Viewer viewer = require(ctx);
        SentMail mail = find(ctx);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("mail", mail);
        parameters.put("zone", viewer.user().timeZone());
        ctx.html(Layout.render("mail/mail.jte", Layout.frame(viewer, "Mail: " + mail.subject(), Optional.empty(), false), parameters));
    }

    private void attachment(Context ctx) {
        require(ctx);
        SentMail mail = find(ctx);
        String number = ctx.pathParam("number");
        SentMail.Attachment attachment = (number.matches("[0-9]{1,3}") ? mail.attachment(Integer.parseInt(number)) : Optional.<SentMail.Attachment>empty())
                .orElseThrow(() -> WebException.notFound("mail " + mail.id() + " has no attachment " + abbreviate(number)));
        ctx.header("Content-Disposition", "attachment; filename=\"" + safeFileName(attachment.fileName()) + "\"");
        ctx.contentType(attachment.mimeType()).result(attachment.content());
    }

    private SentMail find(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw WebException.notFound("no mail " + abbreviate(id));
        }
        return outbox.mail(id).orElseThrow(() -> WebException.notFound("no mail " + id));
    }

    /** Letters, digits, dot, dash and underscore; anything else becomes an underscore. */
    static String safeFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "attachment" : safe.length() > 120 ? safe.substring(safe.length() - 120) : safe;
    }

    private static String abbreviate(String value) {
        return value.length() <= 30 ? value : value.substring(0, 30) + "...";
    }
}
