package org.patchlake.agent.endpoint;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What Windows Update knows about each product: the updates it would offer and, for each, the updates whose
 * installation covers it (superseding ones and later cumulative packages of its servicing stream, as the catalog's
 * servicing model says). Shared by every simulated machine of a fleet (one file beside the fleet), so a machine names
 * only its products ({@link SimulatedMachine.WindowsUpdate}). A simulated machine's answer to "what is missing" is
 * computed from these offers and its installed updates ({@link SimulatedWindowsUpdate}).
 */
public final class WindowsUpdateOffers {
    public static final WindowsUpdateOffers NONE = new WindowsUpdateOffers(Map.of());

    private final Map<String, List<Offer>> products;

    @JsonCreator
    public WindowsUpdateOffers(@JsonProperty("products") Map<String, List<Offer>> products) {
        Map<String, List<Offer>> copy = new HashMap<>();
        requireNonNull(products, "products is null").forEach((product, offers) ->
            copy.put(product, List.copyOf(requireNonNull(offers, "offers of " + product + " are null"))));
        this.products = Map.copyOf(copy);
    }

    @JsonProperty("products")
    public Map<String, List<Offer>> products() {
        return products;
    }

    /**
     * One update Windows Update would list for a product.
     *
     * @param kb             "KB5034441"
     * @param title          as Windows Update shows it
     * @param classification "Security Updates", "Critical Updates", "Definition Updates", ...
     * @param severity       MSRC severity (Critical, Important, Moderate, Low), or null
     * @param released       the day it became available
     * @param coveredBy      KBs whose installation covers it: those that supersede it and the later cumulative packages
     *                       of its servicing stream (never itself)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Offer(String kb, String title, String classification, String severity, LocalDate released,
                        List<String> coveredBy) {
        public Offer {
            requireNonNull(kb, "offer kb is null");
            requireNonNull(title, "title of offer " + kb + " is null");
            requireNonNull(classification, "classification of offer " + kb + " is null");
            requireNonNull(released, "released of offer " + kb + " is null");
            coveredBy = coveredBy == null ? List.of() : List.copyOf(coveredBy);
        }

        @JsonIgnore
        public boolean isSecurityUpdate() {
            return "Security Updates".equalsIgnoreCase(classification);
        }
    }

    public List<Offer> offersFor(String product) {
        return products.getOrDefault(product, List.of());
    }

    public static WindowsUpdateOffers read(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            return SimulatedMachine.json().readValue(in, WindowsUpdateOffers.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Windows Update offers " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the offers gzip-compressed, atomically. */
    public void write(Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
            SimulatedMachine.json().disable(SerializationFeature.INDENT_OUTPUT).writeValue(out, this);
        } catch (IOException e) {
            throw new UncheckedIOException("writing Windows Update offers to " + file + ": " + e.getMessage(), e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing Windows Update offers to " + file + ": " + e.getMessage(), e);
        }
    }
}
