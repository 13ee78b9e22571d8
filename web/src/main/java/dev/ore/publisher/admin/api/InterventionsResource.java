package dev.ore.publisher.admin.api;

import dev.ore.publisher.api.RequestValues;
import dev.ore.publisher.admin.boundary.Interventions;
import dev.ore.publisher.api.Caller;
import dev.ore.publisher.api.Problem;
import dev.ore.publisher.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators cancel or retry any team's distribution, or resolve one whose outcome is unknown; the
 * audit row names the operator.
 */
@Path("admin/distributions/{id}")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such distribution")
@APIResponse(responseCode = "409", description = "Not possible in the distribution's status")
public class InterventionsResource {

    @Inject
    Interventions interventions;

    @Inject
    Caller caller;

    @POST
    @Path("cancel")
    @Operation(summary = "Cancel a SCHEDULED, RETRY_SCHEDULED or WAITING_FOR_ACCOUNT distribution of any team")
    public InterventionJson cancel(@PathParam("id") String id) {
        return InterventionJson.from(interventions.cancel(caller.name(), RequestValues.uuid("Distribution", id)));
    }

    @POST
    @Path("mark-published")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve an UNKNOWN_OUTCOME distribution: the post exists on the platform with this id")
    public InterventionJson markPublished(@PathParam("id") String id, @Valid @NotNull MarkPublishedRequest request) {
        return InterventionJson.from(interventions.markPublished(caller.name(), RequestValues.uuid("Distribution", id),
                request.externalPostId().strip()));
    }

    @POST
    @Path("publish-again")
    @Operation(summary = "Resolve an UNKNOWN_OUTCOME distribution: the post is not on the platform, publish it now")
    public InterventionJson publishAgain(@PathParam("id") String id) {
        return InterventionJson.from(interventions.publishAgain(caller.name(), RequestValues.uuid("Distribution", id)));
    }

    @POST
    @Path("retry")
    @Operation(summary = "Retry a FAILED distribution of any team with a fresh attempt budget")
    public InterventionJson retry(@PathParam("id") String id) {
        return InterventionJson.from(interventions.retry(caller.name(), RequestValues.uuid("Distribution", id)));
    }
}
