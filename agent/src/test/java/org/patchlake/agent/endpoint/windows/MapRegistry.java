package org.patchlake.agent.endpoint.windows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry as maps of raw values (type + bytes, as RegQueryValueEx returns them): the hand-written fake at the
 * Windows edge. Every read must ask for the 64-bit view; one that does not fails the test.
 */
final class MapRegistry implements RawRegistry {

    final Set<String> keys = new HashSet<>();
    final Map<String, RegistryData> values = new HashMap<>();
    final List<String> reads = new ArrayList<>();

    MapRegistry key(String key) {
        RegistryPath path = RegistryPath.parse(key);
        // like the real registry, a key's parents exist too
        String[] parts = path.subKey().split("\\\\");
        StringBuilder subKey = new StringBuilder();
        for (String part : parts) {
            subKey.append(subKey.length() == 0 ? "" : "\\").append(part);
            keys.add(normal(new RegistryPath(path.hive(), subKey.toString())));
        }
        return this;
    }

    MapRegistry raw(String key, String name, RegistryData value) {
        key(key);
        values.put(normal(RegistryPath.parse(key)) + "|" + name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    MapRegistry string(String key, String name, String value) {
        return raw(key, name, new RegistryData(RegistryData.REG_SZ, utf16z(value)));
    }

    MapRegistry dword(String key, String name, int value) {
        return raw(key, name, new RegistryData(RegistryData.REG_DWORD,
            ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array()));
    }

    MapRegistry multiString(String key, String name, String... strings) {
        StringBuilder text = new StringBuilder();
        for (String string : strings) {
            text.append(string).append('\0');
        }
        text.append('\0');
        return raw(key, name, new RegistryData(RegistryData.REG_MULTI_SZ, text.toString().getBytes(StandardCharsets.UTF_16LE)));
    }

    static byte[] utf16z(String value) {
        return (value + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    @Override
    public boolean keyExists(RegistryPath key, int access) {
        requireSixtyFourBitView(key, access);
        return keys.contains(normal(key));
    }

    @Override
    public Optional<RegistryData> read(RegistryPath key, String name, int access) {
        requireSixtyFourBitView(key, access);
        return Optional.ofNullable(values.get(normal(key) + "|" + name.toLowerCase(Locale.ROOT)));
    }

    private void requireSixtyFourBitView(RegistryPath key, int access) {
        reads.add(key.toString());
        if ((access & RegistryReader.KEY_WOW64_64KEY) == 0) {
            throw new AssertionError("registry read of " + key + " without KEY_WOW64_64KEY (access 0x"
                + Integer.toHexString(access) + "): a 32-bit process would read WOW6432Node instead");
        }
    }

    private static String normal(RegistryPath key) {
        return key.hive() + "\\" + key.subKey().toLowerCase(Locale.ROOT);
    }
}
