package org.patchlake.core.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Facts held in maps, for rule tests. A registry key listed in {@code unreadable} throws on access. */
final class MapFacts implements EndpointFacts {

    final Set<String> registryKeys = new HashSet<>();
    final Map<String, String> registryValues = new HashMap<>();
    final Map<String, String> fileVersions = new HashMap<>();
    final Set<String> installedKbs = new HashSet<>();
    final Set<String> unreadable = new HashSet<>();
    String osProduct = "Windows Server 2003 for x64-based Systems";
    String osBuild = "5.2.3790.0";

    @Override
    public boolean registryKeyExists(String key) {
        check(key);
        return registryKeys.contains(key.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<String> registryValue(String key, String name) {
        check(key);
        return Optional.ofNullable(registryValues.get((key + "|" + name).toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean fileExists(String path) {
        return fileVersions.containsKey(path.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<Version> fileVersion(String path) {
        return Optional.ofNullable(fileVersions.get(path.toLowerCase(Locale.ROOT))).map(Version::parse);
    }

    @Override
    public boolean isKbInstalled(String kb) {
        return installedKbs.contains(kb);
    }

    @Override
    public String osProduct() {
        return osProduct;
    }

    @Override
    public Version osBuild() {
        return Version.parse(osBuild);
    }

    MapFacts key(String key) {
        registryKeys.add(key.toLowerCase(Locale.ROOT));
        return this;
    }

    MapFacts value(String key, String name, String value) {
        registryValues.put((key + "|" + name).toLowerCase(Locale.ROOT), value);
        return this;
    }

    MapFacts file(String path, String version) {
        fileVersions.put(path.toLowerCase(Locale.ROOT), version);
        return this;
    }

    private void check(String key) {
        if (unreadable.contains(key)) {
            throw new FactUnavailableException("access denied reading " + key);
        }
    }
}
