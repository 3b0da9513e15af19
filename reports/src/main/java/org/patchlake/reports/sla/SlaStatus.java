package org.patchlake.reports.sla;

/**
 * Status of one bulletin x phase (x region). MET / MISSED once the deadline has passed (compliance reached at
 * the deadline vs the target); before it ON_TRACK (target already reached, or the projection reaches it) or
 * AT_RISK (the projection does not). See {@link SlaEvaluator} for the projection.
 */
public enum SlaStatus {
    MET, MISSED, ON_TRACK, AT_RISK
}
