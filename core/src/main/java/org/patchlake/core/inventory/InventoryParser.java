package org.patchlake.core.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one inventory file of any supported kind. The kind is recognized from the content: a wmic header
 * naming HotFixID -> {@link InventoryFormat#QFE}; at least {@value SysteminfoParser#MINIMUM_FIELDS} "label: value"
 * lines sharing one value column -> {@link InventoryFormat#SYSTEMINFO}; "KBnnn: title" lines ->
 * {@link InventoryFormat#UPDATE_LIST}. A UTF-16 file holding nothing but blank lines is what
 * {@code wmic qfe list > file} writes when there are no hotfixes ("No Instance(s) Available." goes to stderr):
 * it reads as an empty qfe list. Anything else fails with the file name and what was missing.
 */
public final class InventoryParser {
    private InventoryParser() {
    }

    public static Inventory parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("inventory file " + file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file.toString(), bytes);
    }

    public static Inventory parse(String sourceFile, byte[] bytes) {
        if (bytes.length == 0) {
            throw new InventoryParseException(sourceFile, "empty file (0 bytes)");
        }
        DecodedText text = TextDecoder.decode(bytes);
        List<String> lines = text.lines();
        if (lines.stream().allMatch(String::isBlank)) {
            if (text.encoding().startsWith("UTF-16")) {
                return new Inventory(sourceFile, InventoryFormat.QFE, text.encoding(), "", null, List.of(), -1, List.of(),
                        List.of("no rows: wmic found no hotfixes"));
            }
            throw new InventoryParseException(sourceFile, "no content (only blank lines, " + bytes.length + " bytes)");
        }
        if (isBinary(lines)) {
            throw new InventoryParseException(sourceFile, "not text (control characters in " + text.encoding()
                    + " reading): expected systeminfo, wmic qfe or an update list");
        }
        if (QfeParser.headerIndex(lines) >= 0) {
            return QfeParser.parse(sourceFile, text);
        }
        if (UpdateListParser.looksLikeUpdateList(lines)) {
            return UpdateListParser.parse(sourceFile, text);
        }
        SysteminfoFields.Layout layout = SysteminfoFields.layout(lines, SysteminfoParser.MINIMUM_FIELDS);
        if (layout != null && layout.column() > 0) {
            return SysteminfoParser.parse(sourceFile, text, layout);
        }
        throw new InventoryParseException(sourceFile, "not a systeminfo (no 'label: value' lines with an OS name),"
                + " not wmic qfe output (no HotFixID header) and not an update list (no 'KBnnn: title' lines); "
                + lines.size() + " lines, read as " + text.encoding());
    }

    /** More than 1 in 20 characters are control characters other than tab. */
    private static boolean isBinary(List<String> lines) {
        long total = 0;
        long control = 0;
        for (String line : lines) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                total++;
                if ((c < 0x20 && c != '\t') || c == '\uFFFD') {
                    control++;
                }
            }
        }
        return total > 0 && control * 20 > total;
    }
}
