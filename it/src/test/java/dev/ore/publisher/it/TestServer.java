package dev.ore.publisher.it;

import java.net.URI;

/** Addresses of the server Arquillian started (ports shifted by {@code test.port-offset}). */
public final class TestServer {

    private TestServer() {
    }

    private static int offset() {
        return Integer.getInteger("test.port-offset", 100);
    }

    /** The management interface, which also serves {@code /health}. */
    public static URI management(String path) {
        return URI.create("http://127.0.0.1:" + Integer.getInteger("test.management-port", 9990 + offset()) + path);
    }

    public static URI http(String path) {
        return URI.create("http://127.0.0.1:" + (8080 + offset()) + path);
    }
}
