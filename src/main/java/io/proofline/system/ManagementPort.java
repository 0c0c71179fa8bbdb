package io.proofline.system;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;

/**
 * The operators' port: Cockpit and actuator, on a connector of their own bound to an internal address
 * (localhost in the embedded default), so the public port serves only the people's pages. See
 * {@link ManagementPortFilter} for what each port serves.
 */
public final class ManagementPort {

    private final Connector connector;
    private final String address;

    ManagementPort(int port, String address) {
        this.address = address;
        this.connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(port);
        connector.setProperty("address", address);
    }

    Connector connector() {
        return connector;
    }

    /** The port it listens on once the server has started (the chosen one when configured as 0). */
    public int localPort() {
        return connector.getLocalPort();
    }

    public String address() {
        return address;
    }

    /** The base URL an operator on this machine opens. */
    public String localUrl() {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "http://" + ("0.0.0.0".equals(address) || "[::]".equals(host) ? "localhost" : host) + ":" + localPort();
    }
}
