package dev.ore.publisher.metrics.api;

import dev.ore.publisher.api.Problem;
import dev.ore.publisher.api.Roles;
import dev.ore.publisher.metrics.boundary.Metrics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Prometheus scrapes here with an admin bearer token ({@code authorization} in its scrape
 * config): the figures name teams' workloads, so they are not public. The server's own
 * {@code /metrics} on the management port stays separate.
 */
@Path("admin/metrics")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MetricsResource {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Metrics metrics;

    @GET
    @Produces(PROMETHEUS_TEXT)
    @Operation(summary = "The worker's meters in the Prometheus text format")
    public String scrape() {
        return metrics.scrape();
    }
}
