package org.patchlake.core.inventory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code pages a Windows of one display language writes 8-bit text in: the console's OEM code page (what
 * {@code systeminfo > file} writes in cmd) and the ANSI code page (Notepad, most GUI tools). systeminfo names its
 * locale in ASCII ("System Locale: ru;Russian", "系统区域设置: zh-cn;中文(中国)"), so the locale is read from the
 * raw bytes before anything is decoded; then whichever of the two code pages turns more of the 8-bit bytes into
 * letters is taken (Cyrillic read in the wrong one of 866 and 1251 turns into box drawing and punctuation).
 */
final class CodePages {
    /** The OEM and ANSI code pages of one language; the same one for the double-byte Asian code pages. */
    record Pair(Charset oem, Charset ansi) {
        boolean doubleByte() {
            return oem.equals(ansi);
        }
    }

    private static final Pattern LOCALE = Pattern.compile(":\\s+([a-z]{2,3}(?:-[a-z]{2,4})?);", Pattern.CASE_INSENSITIVE);
    private static final Pair WESTERN = pair("IBM850", "windows-1252");
    private static final Map<String, Pair> BY_LANGUAGE = Map.ofEntries(
            Map.entry("ru", pair("IBM866", "windows-1251")), Map.entry("uk", pair("IBM866", "windows-1251")),
            Map.entry("be", pair("IBM866", "windows-1251")), Map.entry("bg", pair("IBM866", "windows-1251")),
            Map.entry("kk", pair("IBM866", "windows-1251")),
            Map.entry("pl", pair("IBM852", "windows-1250")), Map.entry("cs", pair("IBM852", "windows-1250")),
            Map.entry("sk", pair("IBM852", "windows-1250")), Map.entry("hu", pair("IBM852", "windows-1250")),
            Map.entry("hr", pair("IBM852", "windows-1250")), Map.entry("sl", pair("IBM852", "windows-1250")),
            Map.entry("ro", pair("IBM852", "windows-1250")),
            Map.entry("tr", pair("IBM857", "windows-1254")),
            Map.entry("el", pair("x-IBM737", "windows-1253")),
            Map.entry("he", pair("IBM862", "windows-1255")),
            Map.entry("ja", pair("windows-31j", "windows-31j")),
            Map.entry("ko", pair("x-windows-949", "x-windows-949")));
    private static final Map<String, Pair> BY_LOCALE = Map.of(
            "zh-cn", pair("GBK", "GBK"), "zh-sg", pair("GBK", "GBK"),
            "zh-tw", pair("x-windows-950", "x-windows-950"), "zh-hk", pair("x-windows-950", "x-windows-950"));

    private CodePages() {
    }

    /** The code pages of the locale the text names, if it names one Patchlake knows and the JVM has them. */
    static Optional<Pair> ofLocaleIn(byte[] bytes, int from, int to) {
        Matcher matcher = LOCALE.matcher(new String(bytes, from, to - from, StandardCharsets.ISO_8859_1));
        while (matcher.find()) {
            String locale = matcher.group(1).toLowerCase(Locale.ROOT);
            Pair pair = BY_LOCALE.get(locale);
            if (pair == null) {
                String language = locale.contains("-") ? locale.substring(0, locale.indexOf('-')) : locale;
                pair = BY_LANGUAGE.getOrDefault(language, language.equals("zh") ? BY_LOCALE.get("zh-cn") : WESTERN);
            }
            return Optional.ofNullable(pair);
        }
        return Optional.empty();
    }

    /** Of the pair, the code page that reads more of the bytes above 0x7F as letters (ties: OEM, what cmd writes). */
    static Charset choose(Pair pair, byte[] bytes, int from, int to) {
        if (pair.doubleByte()) {
            return pair.oem();
        }
        return letterShare(bytes, from, to, pair.ansi()) > letterShare(bytes, from, to, pair.oem()) ? pair.ansi() : pair.oem();
    }

    /** Letters among the characters that bytes above 0x7F decode to. */
    private static double letterShare(byte[] bytes, int from, int to, Charset charset) {
        String text = new String(bytes, from, to - from, charset);
        int high = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7F) {
                high++;
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
        }
        return high == 0 ? 0 : (double) letters / high;
    }

    private static Pair pair(String oem, String ansi) {
        return Charset.isSupported(oem) && Charset.isSupported(ansi) ? new Pair(Charset.forName(oem), Charset.forName(ansi)) : null;
    }
}
