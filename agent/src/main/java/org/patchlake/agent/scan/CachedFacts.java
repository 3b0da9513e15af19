package org.patchlake.agent.scan;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.patchlake.core.rules.EndpointFacts;
import org.patchlake.core.rules.FactUnavailableException;
import org.patchlake.core.rules.Version;

/**
 * The endpoint's facts for one scan, each read at most once: thousands of rules ask for the same few registry
 * keys and files, and the installed KB list comes from the scan itself. A failed read is remembered as failed.
 */
final class CachedFacts implements EndpointFacts {

    private final EndpointFacts endpoint;
    private final Set<String> installedKbs;
    private final Map<String, Object> cache = new HashMap<>();
    private String osProduct;
    private Version osBuild;

    CachedFacts(EndpointFacts endpoint, Set<String> installedKbs) {
        this.endpoint = endpoint;
        this.installedKbs = installedKbs;
    }

    @Override
    public boolean registryKeyExists(String key) {
        return cached("key|" + key.toLowerCase(Locale.ROOT), () -> endpoint.registryKeyExists(key));
    }

    @Override
    public Optional<String> registryValue(String key, String name) {
        return cached("value|" + key.toLowerCase(Locale.ROOT) + "|" + name.toLowerCase(Locale.ROOT),
            () -> endpoint.registryValue(key, name));
    }

    @Override
    public boolean fileExists(String path) {
        return cached("file|" + path.toLowerCase(Locale.ROOT), () -> endpoint.fileExists(path));
    }

    @Override
    public Optional<Version> fileVersion(String path) {
        return cached("version|" + path.toLowerCase(Locale.ROOT), () -> endpoint.fileVersion(path));
    }

    @Override
    public boolean isKbInstalled(String kb) {
        return installedKbs.contains(kb.toUpperCase(Locale.ROOT));
    }

    @Override
    public String osProduct() {
        if (osProduct == null) {
            osProduct = endpoint.osProduct();
        }
        return osProduct;
    }

    @Override
    public Version osBuild() {
        if (osBuild == null) {
            osBuild = endpoint.osBuild();
        }
        return osBuild;
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> read) {
        Object value = cache.get(key);
        if (value == null) {
            try {
                value = read.get();
            } catch (FactUnavailableException e) {
                value = e;
            }
            cache.put(key, value);
        }
        if (value instanceof FactUnavailableException failure) {
            throw new FactUnavailableException(failure.getMessage(), failure);
        }
        return (T) value;
    }
}
