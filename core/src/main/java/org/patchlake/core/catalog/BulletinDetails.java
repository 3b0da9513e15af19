package org.patchlake.core.catalog;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** What a source knows of a bulletin beyond its updates: the title and the last revision date (null if none). */
public record BulletinDetails(String title, LocalDate revised) {
    public BulletinDetails {
        requireNonNull(title, "title is null");
    }
}
