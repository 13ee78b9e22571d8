package dev.ore.publisher.platform.control;

import dev.ore.publisher.platform.linkedin.LinkedInClient;
import dev.ore.publisher.platform.meta.MetaClient;
import dev.ore.publisher.platform.x.XClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds one REST client per platform from {@code publisher.platform.*} settings. Built here rather
 * than injected with {@code @RestClient} because the connection pool must match the calls the
 * worker keeps in flight, and MicroProfile REST Client has no standard setting for it (RESTEasy's
 * default is 50 connections per client). Their connections are retired by age like every REST
 * client's ({@link ConnectionRetirement}).
 */
@ApplicationScoped
public class PlatformClients {

    @Inject
    @ConfigProperty(name = "publisher.platform.meta.url")
    URI metaUrl;

    @Inject
    @ConfigProperty(name = "publisher.platform.linkedin.url")
    URI linkedInUrl;

    @Inject
    @ConfigProperty(name = "publisher.platform.x.url")
    URI xUrl;

    @Inject
    @ConfigProperty(name = "publisher.platform.connect-timeout")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "publisher.platform.read-timeout")
    Duration readTimeout;

    /** Pooled connections per platform; at least the gateways' bulkhead. */
    @Inject
    @ConfigProperty(name = "publisher.platform.connections")
    int connections;

    @Produces
    @ApplicationScoped
    MetaClient meta() {
        return build(metaUrl, MetaClient.class);
    }

    @Produces
    @ApplicationScoped
    LinkedInClient linkedIn() {
        return build(linkedInUrl, LinkedInClient.class);
    }

    @Produces
    @ApplicationScoped
    XClient x() {
        return build(xUrl, XClient.class);
    }

    void close(@Disposes MetaClient client) {
        closeQuietly(client);
    }

    void close(@Disposes LinkedInClient client) {
        closeQuietly(client);
    }

    void close(@Disposes XClient client) {
        closeQuietly(client);
    }

    private <T> T build(URI baseUri, Class<T> type) {
        return RestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                // Error answers are outcomes to classify, not exceptions.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .property("resteasy.connectionPoolSize", connections)
                .property("resteasy.maxPooledPerRoute", connections)
                .build(type);
    }

    private static void closeQuietly(Object client) {
        if (client instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // Closing releases pooled connections; nothing to do if that fails at shutdown.
            }
        }
    }
}
