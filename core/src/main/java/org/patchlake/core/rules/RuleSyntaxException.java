package org.patchlake.core.rules;

/** Rule text that does not parse; the message names the offset and the text found there. */
public class RuleSyntaxException extends IllegalArgumentException {

    public RuleSyntaxException(String message) {
        super(message);
    }
}
