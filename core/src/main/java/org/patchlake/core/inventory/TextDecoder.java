package org.patchlake.core.inventory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bytes of a file Windows wrote, whatever its encoding: UTF-8 (with or without BOM), UTF-16 LE/BE
 * with BOM, UTF-16 LE without BOM (also after an 8-bit prefix such as wmic's "Please wait while WMIC is being
 * installed."), or an 8-bit code page: when the text names its locale (systeminfo's "ru;Russian"), the OEM or ANSI
 * code page of that language ({@link CodePages}: 866/1251, 852/1250, 857/1254, GBK, Shift-JIS, 949, ...), else the
 * Western console OEM code page (IBM850) or ISO-8859-1/Windows-1252. Line ends CRLF, LF, CR and CR CR LF (wmic on
 * XP) are all accepted. Truncated UTF-16 (an odd byte count) loses only its last byte.
 */
public final class TextDecoder {
    private static final Charset OEM = Charset.isSupported("IBM850") ? Charset.forName("IBM850") : StandardCharsets.ISO_8859_1;
    private static final Charset ANSI = Charset.isSupported("windows-1252") ? Charset.forName("windows-1252") : StandardCharsets.ISO_8859_1;

    private TextDecoder() {
    }

    public static DecodedText decode(byte[] bytes) {
        int length = bytes.length;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return result("UTF-8 (BOM)", decodeLenient(bytes, 3, length - 3, StandardCharsets.UTF_8));
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return result("UTF-16LE (BOM)", utf16(bytes, 2, StandardCharsets.UTF_16LE));
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return result("UTF-16BE (BOM)", utf16(bytes, 2, StandardCharsets.UTF_16BE));
        }
        int utf16Start = firstUtf16LeRun(bytes);
        if (utf16Start == 0) {
            return result("UTF-16LE", utf16(bytes, 0, StandardCharsets.UTF_16LE));
        }
        if (utf16Start > 0 && containsZero(bytes, 0, utf16Start)) {
            return result("UTF-16LE", utf16(bytes, utf16Start % 2, StandardCharsets.UTF_16LE));
        }
        if (utf16Start > 0) {
            String prefix = singleByte(bytes, 0, utf16Start);
            return result(singleByteName(bytes, 0, utf16Start) + " + UTF-16LE",
                    prefix + "\n" + utf16(bytes, utf16Start, StandardCharsets.UTF_16LE));
        }
        String utf8 = decodeStrict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return result(isAscii(bytes) ? "ASCII" : "UTF-8", utf8);
        }
        return result(singleByteName(bytes, 0, length), singleByte(bytes, 0, length));
    }

    /** Index where UTF-16 LE text of plain characters starts (x 00 y 00 z 00 w 00), or -1. */
    private static int firstUtf16LeRun(byte[] bytes) {
        for (int i = 0; i + 7 < bytes.length; i++) {
            if (bytes[i] != 0 && bytes[i + 1] == 0 && bytes[i + 2] != 0 && bytes[i + 3] == 0
                    && bytes[i + 4] != 0 && bytes[i + 5] == 0 && bytes[i + 6] != 0 && bytes[i + 7] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String utf16(byte[] bytes, int offset, Charset charset) {
        int evenLength = (bytes.length - offset) & ~1;
        return decodeLenient(bytes, offset, evenLength, charset);
    }

    /**
     * 8-bit text: the console's OEM code page puts accented letters at 0x80-0xA5 (é = 0x82), ISO-8859-1 /
     * Windows-1252 at 0xC0-0xFF (é = 0xE9). Whichever range holds more bytes decides.
     */
    private static String singleByteName(byte[] bytes, int from, int to) {
        if (isAscii(bytes, from, to)) {
            return "ASCII";
        }
        return eightBit(bytes, from, to).name();
    }

    private static String singleByte(byte[] bytes, int from, int to) {
        Charset charset = isAscii(bytes, from, to) ? ANSI : eightBit(bytes, from, to);
        return new String(bytes, from, to - from, charset);
    }

    /** The code page of the locale the text names, else IBM850 or Windows-1252 by where the accented bytes fall. */
    private static Charset eightBit(byte[] bytes, int from, int to) {
        java.util.Optional<CodePages.Pair> pair = CodePages.ofLocaleIn(bytes, from, to);
        if (pair.isPresent() && !pair.get().oem().equals(OEM)) {
            return CodePages.choose(pair.get(), bytes, from, to);
        }
        return looksOem(bytes, from, to) ? OEM : ANSI;
    }

    private static boolean looksOem(byte[] bytes, int from, int to) {
        int oem = 0;
        int latin = 0;
        for (int i = from; i < to; i++) {
            int value = bytes[i] & 0xFF;
            if (value >= 0x80 && value <= 0xA5) {
                oem++;
            } else if (value >= 0xC0) {
                latin++;
            }
        }
        return oem > latin;
    }

    private static String decodeStrict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeLenient(byte[] bytes, int offset, int length, Charset charset) {
        return new String(bytes, offset, Math.max(0, length), charset);
    }

    private static boolean containsZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(byte[] bytes) {
        return isAscii(bytes, 0, bytes.length);
    }

    private static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static DecodedText result(String encoding, String text) {
        return new DecodedText(encoding, splitLines(text));
    }

    /** Splits on CRLF, LF, CR and CR CR LF; NUL and BOM characters are dropped, no-break spaces become spaces. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                int next = i + 1;
                while (next < length && text.charAt(next) == '\r') {
                    next++;
                }
                if (next < length && text.charAt(next) == '\n') {
                    i = next;
                }
                lines.add(line.toString());
                line.setLength(0);
            } else if (c == '\n') {
                lines.add(line.toString());
                line.setLength(0);
            } else if (c == '\u00A0') {
                line.append(' ');
            } else if (c != '\0' && c != '\uFEFF') {
                line.append(c);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
