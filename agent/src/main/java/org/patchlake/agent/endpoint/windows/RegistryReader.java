package org.patchlake.agent.endpoint.windows;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.patchlake.core.rules.FactUnavailableException;

/**
 * The registry as the Windows logic needs it. Every read asks for the 64-bit view ({@code KEY_WOW64_64KEY}), so
 * a 32-bit process would still see {@code HKLM\SOFTWARE} itself rather than {@code WOW6432Node}, and values are
 * decoded by their type ({@link RegistryValueDecoder}), multi-strings included.
 */
public final class RegistryReader {

    /** {@code KEY_READ}: STANDARD_RIGHTS_READ | KEY_QUERY_VALUE | KEY_ENUMERATE_SUB_KEYS | KEY_NOTIFY. */
    public static final int KEY_READ = 0x20019;
    public static final int KEY_WOW64_64KEY = 0x0100;
    /** What every read asks for. */
    public static final int ACCESS = KEY_READ | KEY_WOW64_64KEY;

    private final RawRegistry registry;

    public RegistryReader(RawRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    public boolean keyExists(RegistryPath key) {
        return registry.keyExists(key, ACCESS);
    }

    /** The decoded value (Integer, Long, String, String[] or byte[]); empty when the key or the value is absent. */
    public Optional<Object> value(RegistryPath key, String name) {
        Optional<RegistryData> raw = registry.read(key, name, ACCESS);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RegistryValueDecoder.decode(raw.get()));
        } catch (IllegalArgumentException e) {
            throw new FactUnavailableException("registry value " + key + " " + name + " is malformed: " + e.getMessage(), e);
        }
    }

    /** The value as text ({@link RegistryValues#asText}). */
    public Optional<String> text(RegistryPath key, String name) {
        return value(key, name).map(RegistryValues::asText);
    }
}
