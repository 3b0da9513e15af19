package org.patchlake.web.schedule;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Mail addresses of a schedule's recipients: plain {@code name@domain.tld} addresses, checked one by one. */
public final class Recipients {
    public static final int MAXIMUM = 50;
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private Recipients() {
    }

    /**
     * Splits on commas, semicolons and white space, drops repeats (ignoring case), and checks every address.
     * The message of the {@link IllegalArgumentException} names the first bad address.
     */
    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("at least one recipient address is needed");
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String address = check(part);
            unique.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
        }
        if (unique.isEmpty()) {
            throw new IllegalArgumentException("at least one recipient address is needed");
        }
        if (unique.size() > MAXIMUM) {
            throw new IllegalArgumentException("at most " + MAXIMUM + " recipients, got " + unique.size());
        }
        return List.copyOf(new ArrayList<>(unique.values()));
    }

    static String check(String address) {
        String shown = address.length() > 80 ? address.substring(0, 80) + "..." : address;
        if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + shown + "' is not a mail address like name@example.org");
        }
        try {
            new InternetAddress(address, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + shown + "' is not a valid mail address: " + e.getMessage());
        }
        return address;
    }
}
