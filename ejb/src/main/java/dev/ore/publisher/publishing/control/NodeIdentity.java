package dev.ore.publisher.publishing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name this node writes into {@code claimed_by}: {@code publisher.node.id} when set, else
 * the server's node name, else the host name. Nodes sharing a database need distinct names.
 */
@ApplicationScoped
public class NodeIdentity {

    @Inject
    @ConfigProperty(name = "publisher.node.id")
    Optional<String> configured;

    public String name() {
        return configured.filter(name -> !name.isBlank())
                .or(() -> Optional.ofNullable(System.getProperty("jboss.node.name")))
                .orElseGet(NodeIdentity::hostName);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
