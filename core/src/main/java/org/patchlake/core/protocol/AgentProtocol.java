package org.patchlake.core.protocol;

/**
 * Constants of agent protocol v1: paths and headers. Both the agent and the ingest server use these, so a
 * path or header name exists in exactly one place.
 */
public final class AgentProtocol {
    public static final int VERSION = 1;
    public static final String PREFIX = "/api/agent/";
    public static final String BASE_PATH = PREFIX + "v" + VERSION;
    public static final String ENROLL_PATH = BASE_PATH + "/enroll";
    public static final String INVENTORY_PATH = BASE_PATH + "/inventory";
    public static final String DELIVERIES_PATH = BASE_PATH + "/deliveries";
    public static final String POLICIES_PATH = BASE_PATH + "/policies";

    /** The enrolled computer id sending the request. */
    public static final String HEADER_COMPUTER = "X-Patchlake-Computer";
    /** Request time, epoch milliseconds (UTC), as a decimal string. */
    public static final String HEADER_TIMESTAMP = "X-Patchlake-Timestamp";
    /** The message id of a POST body, or a fresh random nonce for a GET. */
    public static final String HEADER_NONCE = "X-Patchlake-Nonce";
    /** Base64 (RFC 4648, with padding) of the HMAC-SHA256, see {@link AgentSignature}. */
    public static final String HEADER_SIGNATURE = "X-Patchlake-Signature";
    /** Set to {@code true} on an acknowledgement of a message id that was already stored. */
    public static final String HEADER_DUPLICATE = "X-Patchlake-Duplicate";

    private AgentProtocol() {
    }
}
