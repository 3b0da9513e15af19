package org.patchlake.agent.endpoint.windows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registry as maps: the hand-written fake at the Windows edge. */
final class MapRegistry implements RegistryReader {

    final Set<String> keys = new HashSet<>();
    final Map<String, Object> values = new HashMap<>();

    MapRegistry key(String key) {
        keys.add(normal(RegistryPath.parse(key)));
        return this;
    }

    MapRegistry value(String key, String name, Object value) {
        key(key);
        values.put(normal(RegistryPath.parse(key)) + "|" + name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    @Override
    public boolean keyExists(RegistryPath key) {
        return keys.contains(normal(key));
    }

    @Override
    public Optional<Object> value(RegistryPath key, String name) {
        return Optional.ofNullable(values.get(normal(key) + "|" + name.toLowerCase(Locale.ROOT)));
    }

    private static String normal(RegistryPath key) {
        return key.hive() + "\\" + key.subKey().toLowerCase(Locale.ROOT);
    }
}
