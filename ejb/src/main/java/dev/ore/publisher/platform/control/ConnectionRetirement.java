package dev.ore.publisher.platform.control;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientBuilderListener;

/**
 * Retires every platform client's pooled connections {@value #AGE} after they were opened: the
 * publishing clients {@link PlatformClients} builds and the injected OAuth and identity clients
 * alike (registered in {@code META-INF/services}, so every REST client builder of the deployment
 * meets it).
 *
 * <p>A platform closes keep-alive connections that sat idle for its own timeout (Jetty, and so the
 * sandbox: 30 s). A request sent on a connection the platform is closing at that moment fails
 * without an answer: for a create, an ambiguous outcome, read back before anything is sent again;
 * for a refresh with a rotating refresh token, possibly a token used up without the new one. The
 * pool checks a connection idle for more than 2 s before reusing it, which finds one already
 * closed but not one being closed, and RESTEasy evicts idle connections only after 60 s. A
 * connection retired sooner than the platform's idle timeout never meets that race
 * ({@code PooledConnectionsIT}). RESTEasy's setting: Payara's client ignores it.
 */
public class ConnectionRetirement implements RestClientBuilderListener {

    static final String AGE = "publisher.platform.connection-ttl";

    @Override
    public void onNewBuilder(RestClientBuilder builder) {
        ConfigProvider.getConfig().getOptionalValue(AGE, Duration.class).ifPresent(age ->
                builder.property("resteasy.connectionTTL", List.of(age.toMillis(), TimeUnit.MILLISECONDS)));
    }
}
