package dev.ore.publisher.distribution.api;

import dev.ore.publisher.api.RequestValues;
import dev.ore.publisher.api.Caller;
import dev.ore.publisher.api.InvalidRequest;
import dev.ore.publisher.api.Problem;
import dev.ore.publisher.api.Roles;
import dev.ore.publisher.distribution.boundary.DistributionFilter;
import dev.ore.publisher.distribution.boundary.Distributions;
import dev.ore.publisher.distribution.boundary.Schedule;
import dev.ore.publisher.distribution.boundary.Scheduled;
import dev.ore.publisher.distribution.entity.DistributionStatus;
import dev.ore.publisher.platform.entity.Platform;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scheduling and following distributions of the caller's team. */
@Path("publishing")
@RequestScoped
@RolesAllowed(Roles.PUBLISHER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Publishing")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the publisher role or a team",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DistributionsResource {

    static final int MAX_PAGE_SIZE = 100;

    @Inject
    Distributions distributions;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Path("distributions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule content on one or more platforms",
            description = "Creates one distribution per platform. With an Idempotency-Key, repeating the same request "
                    + "returns the original distributions; the same key with a different body is a conflict.")
    @APIResponse(responseCode = "201", description = "Scheduled; Location names the first distribution",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DistributionJson[].class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @APIResponse(responseCode = "400", description = "Invalid request, with one violation per field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No connected account for a platform, or the Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 512 KiB")
    public Response schedule(@NotNull @Valid ScheduleRequest request,
                             @Parameter(description = "Makes retries of this request safe (at most 200 characters)")
                             @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Scheduled scheduled = distributions.schedule(ScheduleRequests.toSchedule(request, caller, idempotencyKey));
        List<DistributionJson> body = scheduled.distributions().stream().map(DistributionJson::from).toList();
        if (scheduled.replayed()) {
            return Response.ok(body).header("Idempotent-Replayed", "true").build();
        }
        return Response.created(uri.getBaseUriBuilder().path("publishing/status/{id}")
                .build(body.get(0).id())).entity(body).build();
    }

    @GET
    @Path("status/{id}")
    @Operation(summary = "A distribution's status and its audit history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DistributionJson.class)))
    @APIResponse(responseCode = "404", description = "No such distribution in the caller's team",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DistributionJson status(@PathParam("id") String id) {
        UUID distributionId = RequestValues.uuid("Distribution", id);
        return DistributionJson.from(distributions.find(caller.team(), distributionId),
                distributions.history(caller.team(), distributionId));
    }

    @GET
    @Path("distributions")
    @Operation(summary = "The team's distributions, by publish time", description = "Filters combine; page is 0-based.")
    public DistributionPageJson list(@QueryParam("status") @Parameter(schema = @Schema(implementation = DistributionStatus.class)) String status,
                                     @QueryParam("platform") @Parameter(schema = @Schema(implementation = Platform.class)) String platform,
                                     @QueryParam("from") @Parameter(description = "ISO instant, inclusive") String from,
                                     @QueryParam("to") @Parameter(description = "ISO instant, exclusive") String to,
                                     @QueryParam("page") @Parameter(description = "0-based") String page,
                                     @QueryParam("size") @Parameter(description = "1 to 100, default 20") String size) {
        var filter = new DistributionFilter(RequestValues.enumValue("status", status, DistributionStatus.class),
                RequestValues.enumValue("platform", platform, Platform.class),
                RequestValues.instant("from", from), RequestValues.instant("to", to));
        return DistributionPageJson.from(distributions.list(caller.team(), filter,
                RequestValues.integer("page", page, 0, 0, 1_000_000),
                RequestValues.integer("size", size, 20, 1, MAX_PAGE_SIZE)));
    }

    @POST
    @Path("distributions/{id}/cancel")
    @Operation(summary = "Cancel a distribution that has not gone out",
            description = "Allowed while SCHEDULED, RETRY_SCHEDULED or WAITING_FOR_ACCOUNT; 409 otherwise.")
    public DistributionJson cancel(@PathParam("id") String id) {
        return DistributionJson.from(distributions.cancel(caller.team(), caller.name(), RequestValues.uuid("Distribution", id)));
    }

    @POST
    @Path("distributions/{id}/retry")
    @Operation(summary = "Schedule a FAILED distribution again, with a fresh attempt budget")
    public DistributionJson retry(@PathParam("id") String id) {
        return DistributionJson.from(distributions.retry(caller.team(), caller.name(), RequestValues.uuid("Distribution", id)));
    }

    @POST
    @Path("validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check content against each platform's rules without scheduling it",
            description = "The same rules the worker applies before publishing (X weighted length with links "
                    + "counting 23, LinkedIn 3,000 and Meta 63,206 characters).")
    public List<ValidationJson> validate(@NotNull @Valid ValidateRequest request) {
        if (request.linkUrl() != null && !request.linkUrl().matches("https?://\\S+")) {
            throw new InvalidRequest("linkUrl", "must be an http(s) URL");
        }
        return ContentChecks.check(request);
    }
}
