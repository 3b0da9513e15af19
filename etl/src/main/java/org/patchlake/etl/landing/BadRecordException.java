package org.patchlake.etl.landing;

/** A landing line that cannot be used; the message becomes the quarantine reason. */
public final class BadRecordException extends RuntimeException {
  public BadRecordException(String message) {
    super(message);
  }
}
