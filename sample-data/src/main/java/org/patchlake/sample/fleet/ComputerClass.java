package org.patchlake.sample.fleet;

import org.patchlake.core.protocol.ComputerClassHint;

/** The computer classes of DESIGN.md, with the share of a typical fleet and the host name tag. */
public enum ComputerClass {
    WORKSTATION("workstation", "WS", 0.50, ComputerClassHint.WORKSTATION),
    NOTEBOOK("notebook", "NB", 0.35, ComputerClassHint.NOTEBOOK),
    SERVER("server", "SRV", 0.12, ComputerClassHint.SERVER),
    BUSINESS_CRITICAL_SERVER("business_critical_server", "BCS", 0.03, ComputerClassHint.BUSINESS_CRITICAL_SERVER);

    private final String warehouseName;
    private final String hostTag;
    private final double share;
    private final ComputerClassHint hint;

    ComputerClass(String warehouseName, String hostTag, double share, ComputerClassHint hint) {
        this.warehouseName = warehouseName;
        this.hostTag = hostTag;
        this.share = share;
        this.hint = hint;
    }

    /** The name used in the warehouse's computer_class column. */
    public String warehouseName() {
        return warehouseName;
    }

    public String hostTag() {
        return hostTag;
    }

    public double share() {
        return share;
    }

    public ComputerClassHint hint() {
        return hint;
    }

    public boolean isServer() {
        return this == SERVER || this == BUSINESS_CRITICAL_SERVER;
    }
}
