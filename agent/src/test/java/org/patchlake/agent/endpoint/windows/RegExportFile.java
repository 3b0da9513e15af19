package org.patchlake.agent.endpoint.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Reads {@code reg export} output ("Windows Registry Editor Version 5.00", UTF-16 LE with a byte order mark, as
 * {@code reg export HKLM\... file.reg} writes it) into a {@link MapRegistry} with the exact types and bytes
 * regedit would write back: {@code "text"} is REG_SZ, {@code dword:} REG_DWORD, {@code hex:} REG_BINARY,
 * {@code hex(N):} type N (2 REG_EXPAND_SZ, 7 REG_MULTI_SZ, b REG_QWORD, 0 REG_NONE); long hex lines continue
 * with a trailing backslash.
 */
final class RegExportFile {

    private RegExportFile() {
    }

    static MapRegistry load(String resource, MapRegistry registry) {
        try (InputStream in = RegExportFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return parse(decode(in.readAllBytes()), registry, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static MapRegistry parse(String text, MapRegistry registry, String source) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        if (lines.length == 0 || !lines[0].strip().equals("Windows Registry Editor Version 5.00")) {
            throw new IllegalArgumentException(source + ": not a reg export file (header " + (lines.length == 0 ? "missing" : lines[0]) + ")");
        }
        String key = null;
        for (int index = 1; index < lines.length; index++) {
            StringBuilder line = new StringBuilder(lines[index].strip());
            while (line.length() > 0 && line.charAt(line.length() - 1) == '\\' && line.indexOf("=hex") > 0
                && index + 1 < lines.length) {
                line.setLength(line.length() - 1);
                line.append(lines[++index].strip());
            }
            String entry = line.toString();
            if (entry.isEmpty() || entry.startsWith(";")) {
                continue;
            }
            if (entry.startsWith("[") && entry.endsWith("]")) {
                key = entry.substring(1, entry.length() - 1);
                registry.key(key);
                continue;
            }
            if (key == null) {
                throw new IllegalArgumentException(source + " line " + (index + 1) + ": value before any [key]");
            }
            int equals = nameEnd(entry);
            String name = entry.startsWith("@") ? "" : unescape(entry.substring(1, equals - 1));
            registry.raw(key, name, value(entry.substring(equals + 1), source + " line " + (index + 1)));
        }
        return registry;
    }

    private static int nameEnd(String entry) {
        if (entry.startsWith("@=")) {
            return 1;
        }
        for (int index = 1; index < entry.length(); index++) {
            if (entry.charAt(index) == '\\') {
                index++;
            } else if (entry.charAt(index) == '"') {
                return index + 1;
            }
        }
        throw new IllegalArgumentException("unterminated value name: " + entry);
    }

    private static RegistryData value(String text, String where) {
        if (text.startsWith("\"") && text.endsWith("\"")) {
            return new RegistryData(RegistryData.REG_SZ, MapRegistry.utf16z(unescape(text.substring(1, text.length() - 1))));
        }
        if (text.startsWith("dword:")) {
            return new RegistryData(RegistryData.REG_DWORD, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(Integer.parseUnsignedInt(text.substring(6), 16)).array());
        }
        if (text.startsWith("hex:")) {
            return new RegistryData(RegistryData.REG_BINARY, hex(text.substring(4)));
        }
        if (text.startsWith("hex(")) {
            int close = text.indexOf("):");
            return new RegistryData(Integer.parseInt(text.substring(4, close), 16), hex(text.substring(close + 2)));
        }
        throw new IllegalArgumentException(where + ": unknown value form " + text);
    }

    private static byte[] hex(String commaSeparated) {
        String digits = commaSeparated.replace(",", "").replace(" ", "");
        return HexFormat.of().parseHex(digits);
    }

    private static String unescape(String quoted) {
        return quoted.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
