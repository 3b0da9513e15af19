package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One registry value as {@code RegQueryValueEx} returns it: its type ({@code REG_SZ} = 1, {@code REG_EXPAND_SZ} = 2,
 * {@code REG_BINARY} = 3, {@code REG_DWORD} = 4, {@code REG_DWORD_BIG_ENDIAN} = 5, {@code REG_LINK} = 6,
 * {@code REG_MULTI_SZ} = 7, {@code REG_QWORD} = 11, ...) and its bytes, undecoded.
 */
public record RegistryData(int type, byte[] data) {

    public static final int REG_NONE = 0;
    public static final int REG_SZ = 1;
    public static final int REG_EXPAND_SZ = 2;
    public static final int REG_BINARY = 3;
    public static final int REG_DWORD = 4;
    public static final int REG_DWORD_BIG_ENDIAN = 5;
    public static final int REG_LINK = 6;
    public static final int REG_MULTI_SZ = 7;
    public static final int REG_QWORD = 11;

    public RegistryData {
        requireNonNull(data, "data is null");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The name regedit uses for the type ({@code REG_MULTI_SZ}), or {@code type 42} for one it does not know. */
    public String typeName() {
        return switch (type) {
            case REG_NONE -> "REG_NONE";
            case REG_SZ -> "REG_SZ";
            case REG_EXPAND_SZ -> "REG_EXPAND_SZ";
            case REG_BINARY -> "REG_BINARY";
            case REG_DWORD -> "REG_DWORD";
            case REG_DWORD_BIG_ENDIAN -> "REG_DWORD_BIG_ENDIAN";
            case REG_LINK -> "REG_LINK";
            case REG_MULTI_SZ -> "REG_MULTI_SZ";
            case 8 -> "REG_RESOURCE_LIST";
            case 9 -> "REG_FULL_RESOURCE_DESCRIPTOR";
            case 10 -> "REG_RESOURCE_REQUIREMENTS_LIST";
            case REG_QWORD -> "REG_QWORD";
            default -> "type " + type;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistryData that && type == that.type && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return typeName() + " " + HexFormat.ofDelimiter(",").formatHex(data);
    }
}
