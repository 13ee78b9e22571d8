package dev.ore.publisher.admin.api;

import dev.ore.publisher.admin.boundary.Timers;
import dev.ore.publisher.api.Problem;
import dev.ore.publisher.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The worker's timers on the node that answers: look, pause, resume, run now. */
@Path("admin/timers")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TimersResource {

    @Inject
    Timers timers;

    @GET
    @Operation(summary = "The timers: interval, next timeout, paused or not, last poll and job start")
    public List<TimerJson> list() {
        return timers.list().stream().map(TimerJson::from).toList();
    }

    @POST
    @Path("{name}/pause")
    @Operation(summary = "Pause a timer: it keeps firing but starts no job (this node, until resumed or restarted)")
    public TimerJson pause(@PathParam("name") String name) {
        return TimerJson.from(timers.pause(name));
    }

    @POST
    @Path("{name}/resume")
    @Operation(summary = "Resume a paused timer")
    public TimerJson resume(@PathParam("name") String name) {
        return TimerJson.from(timers.resume(name));
    }

    @POST
    @Path("{name}/run")
    @Operation(summary = "Start the timer's job now, paused or not")
    @APIResponse(responseCode = "202", description = "Started; Location names the execution")
    public Response run(@PathParam("name") String name) {
        long execution = timers.runNow(name);
        return Response.accepted(new ExecutionStartedJson(execution))
                .location(URI.create("/api/admin/batch/executions/" + execution))
                .build();
    }

    /** The execution a "run now" started. */
    public record ExecutionStartedJson(long executionId) {
    }
}
