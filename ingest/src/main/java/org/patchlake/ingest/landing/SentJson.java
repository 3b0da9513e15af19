package org.patchlake.ingest.landing;

/** A payload landed as the agent sent it: inflated JSON ({@link RawJson}) or the agent's own gzip member ({@link GzipJson}). */
public sealed interface SentJson permits RawJson, GzipJson {
}
