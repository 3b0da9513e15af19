package org.patchlake.reports.query;

/** A window of rows for lists that can be long (computers of a bulletin, 200,000 computers). */
public record Page(int limit, int offset) {
    public static final int MAX_LIMIT = 10_000;

    public Page {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("page offset must not be negative, got " + offset);
        }
    }

    public static Page first(int limit) {
        return new Page(limit, 0);
    }

    void bind(SqlParameters parameters) {
        parameters.put("limit", (long) limit).put("offset", (long) offset);
    }
}
