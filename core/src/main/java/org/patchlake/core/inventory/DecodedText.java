package org.patchlake.core.inventory;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The text of an inventory file after encoding detection, split into lines.
 *
 * @param encoding how the bytes were read, e.g. "UTF-16LE (BOM)", "ASCII + UTF-16LE", "IBM850"
 * @param lines    the lines without their terminators (CRLF, LF, CR and CR CR LF all end a line)
 */
public record DecodedText(String encoding, List<String> lines) {
    public DecodedText {
        requireNonNull(encoding, "encoding is null");
        lines = List.copyOf(lines);
    }
}
