package org.patchlake.agent.endpoint.windows;

/** The computer's DNS host name and DNS domain (GetComputerNameEx); the domain is empty outside a domain. */
public interface ComputerNames {

    String hostname();

    String dnsDomain();
}
