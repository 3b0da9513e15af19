package org.patchlake.agent.endpoint.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a registry value's type and raw bytes into a Java value: {@code REG_SZ}, {@code REG_EXPAND_SZ} and
 * {@code REG_LINK} to a String (unexpanded, cut at the first NUL, a stray odd byte ignored), {@code REG_MULTI_SZ}
 * to a String[] (empty strings inside the list are kept: PendingFileRenameOperations uses them for "delete"),
 * {@code REG_DWORD} (little or big endian) to an Integer, {@code REG_QWORD} to a Long, everything else to its bytes.
 * A number whose byte count is wrong is malformed and refused, naming the type and the count.
 */
public final class RegistryValueDecoder {

    private RegistryValueDecoder() {
    }

    public static Object decode(RegistryData value) {
        byte[] data = value.data();
        return switch (value.type()) {
            case RegistryData.REG_SZ, RegistryData.REG_EXPAND_SZ, RegistryData.REG_LINK -> string(data);
            case RegistryData.REG_MULTI_SZ -> multiString(data);
            case RegistryData.REG_DWORD -> ByteBuffer.wrap(exactly(value, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
            case RegistryData.REG_DWORD_BIG_ENDIAN -> ByteBuffer.wrap(exactly(value, 4)).order(ByteOrder.BIG_ENDIAN).getInt();
            case RegistryData.REG_QWORD -> ByteBuffer.wrap(exactly(value, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
            default -> data;
        };
    }

    private static String string(byte[] data) {
        String text = utf16(data);
        int end = text.indexOf('\0');
        return end < 0 ? text : text.substring(0, end);
    }

    /**
     * Each string ends with a NUL and the list with one more. Writers that forget the last NUL (or both) are
     * common, so an unterminated last string still counts; a list holding only terminators is empty.
     */
    private static String[] multiString(byte[] data) {
        String text = utf16(data);
        if (text.endsWith("\0\0")) {
            text = text.substring(0, text.length() - 1);
        }
        List<String> strings = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\0', start);
            if (end < 0) {
                end = text.length();
            }
            strings.add(text.substring(start, end));
            start = end + 1;
        }
        if (strings.size() == 1 && strings.get(0).isEmpty()) {
            strings.clear();
        }
        return strings.toArray(String[]::new);
    }

    private static String utf16(byte[] data) {
        return new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
    }

    private static byte[] exactly(RegistryData value, int size) {
        byte[] data = value.data();
        if (data.length != size) {
            throw new IllegalArgumentException(value.typeName() + " value has " + data.length + " bytes, expected " + size);
        }
        return data;
    }
}
