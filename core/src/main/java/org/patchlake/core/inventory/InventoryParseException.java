package org.patchlake.core.inventory;

/** An inventory file that cannot be read; the message names the file and what was missing. */
public final class InventoryParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InventoryParseException(String sourceFile, String problem) {
        super("inventory file " + sourceFile + ": " + problem);
    }
}
