package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

/**
 * What cumulative servicing derives for one update (KB x product), kept apart from Microsoft's published
 * supersedence: the update is a cumulative package of its product (it covers every earlier update of the
 * product's servicing stream), and possibly an optional one.
 *
 * @param kb      "KB4487017"
 * @param product the catalog product, as the catalog spells it
 * @param kind    what the update is
 * @param scope   which earlier updates it covers
 * @param reason  why, in words ("monthly cumulative update of Windows 10 Version 1803 for x64-based Systems")
 */
public record CumulativeRole(String kb, String product, Kind kind, Scope scope, String reason) implements java.io.Serializable {
    /** Which earlier updates a cumulative package covers ({@link ServicingStreams} says which stream an update is in). */
    public enum Scope {
        /**
         * The servicing stream of its OS product: the OS product's own updates and those of Internet Explorer,
         * EdgeHTML, MSXML and the script engines on that OS (the role is on the OS product).
         */
        OS_STREAM,
        /** The earlier updates of its own product (Flash Player, EdgeHTML, Internet Explorer, .NET Framework on an OS). */
        PRODUCT,
        /** The earlier Adobe Flash Player updates listed under the OS product itself (as the catalog did in 2016). */
        FLASH_ON_OS;

        /** The code stored in the warehouse ("os_stream", "product", "flash_on_os"). */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Reads {@link #code()}; names the bad value. */
        public static Scope fromCode(String code) {
            for (Scope scope : values()) {
                if (scope.code().equals(code)) {
                    return scope;
                }
            }
            throw new IllegalArgumentException("cumulative role scope must be os_stream, product or flash_on_os, was '" + code + "'");
        }
    }

    /** What a cumulative package is. */
    public enum Kind {
        /** Covers every earlier update (released on or before it) of its product's servicing stream. */
        CUMULATIVE,
        /**
         * An optional non-security release of a cumulative stream (a "preview" between Patch Tuesdays, with no
         * CVE and no severity): never required, and it covers earlier updates like any cumulative update once
         * it is installed.
         */
        OPTIONAL_CUMULATIVE;

        /** The code stored in the warehouse ("cumulative", "optional_cumulative"). */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Reads {@link #code()}; names the bad value. */
        public static Kind fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code().equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("cumulative role kind must be cumulative or optional_cumulative, was '" + code + "'");
        }
    }

    public CumulativeRole {
        requireNonNull(kb, "kb is null");
        requireNonNull(product, "product is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(reason, "reason is null");
        if (kb.isBlank() || product.isBlank()) {
            throw new IllegalArgumentException("cumulative role needs a kb and a product, was '" + kb + "' / '" + product + "'");
        }
    }

    /** The update it is about: "KB4487017|Windows 10 Version 1803 for x64-based Systems". */
    public String updateId() {
        return Update.updateId(kb, product);
    }
}
