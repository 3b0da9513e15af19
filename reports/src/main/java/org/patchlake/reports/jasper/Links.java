package org.patchlake.reports.jasper;

import java.nio.charset.StandardCharsets;

/**
 * Drill-down links of the HTML (and PDF) exports, resolved to web routes. Templates call
 * {@code Links.to($P{LINK_BASE}, "/reports/compliance-by-bulletin/{}/computers?state=vulnerable", $F{bulletin_id})}:
 * each {@code {}} is replaced by the next value, percent-encoded (RFC 3986), so ids with spaces or {@code |}
 * stay one path segment or one query value.
 */
public final class Links {
    private Links() {
    }

    public static String to(String linkBase, String route, Object... values) {
        StringBuilder link = new StringBuilder(linkBase == null ? "" : linkBase);
        int next = 0;
        int from = 0;
        int at;
        while ((at = route.indexOf("{}", from)) >= 0) {
            link.append(route, from, at);
            if (next >= values.length) {
                throw new IllegalArgumentException("route " + route + " has more {} than the " + values.length + " values given");
            }
            link.append(encode(values[next++]));
            from = at + 2;
        }
        link.append(route.substring(from));
        return link.toString();
    }

    static String encode(Object value) {
        byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
