package dev.ore.publisher.admin.api;

import dev.ore.publisher.api.RequestValues;
import dev.ore.publisher.admin.boundary.JobExecutions;
import dev.ore.publisher.api.Problem;
import dev.ore.publisher.api.Roles;
import dev.ore.publisher.publishing.control.PublishingJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Batch jobs and their executions in the server's job repository: list, stop, restart, abandon. */
@Path("admin/batch")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class JobExecutionsResource {

    static final int MAX_LIMIT = 200;

    @Inject
    JobExecutions executions;

    @GET
    @Path("jobs")
    @Operation(summary = "Names of the batch jobs")
    public List<String> jobs() {
        return executions.jobNames();
    }

    @GET
    @Path("executions")
    @Operation(summary = "A job's latest executions, newest first, with steps and step metrics")
    public List<JobExecutionJson> list(@QueryParam("job") @Parameter(description = "default publish-due-distributions") String job,
                                       @QueryParam("limit") @Parameter(description = "1 to 200, default 20") String limit) {
        String name = job == null || job.isBlank() ? PublishingJob.NAME : job;
        return executions.latest(name, RequestValues.integer("limit", limit, 20, 1, MAX_LIMIT)).stream()
                .map(JobExecutionJson::from).toList();
    }

    @GET
    @Path("executions/{id}")
    @Operation(summary = "One execution with its steps")
    @APIResponse(responseCode = "404", description = "No such execution")
    public JobExecutionJson find(@PathParam("id") String id) {
        return JobExecutionJson.from(executions.find(RequestValues.longId("Job execution", id)));
    }

    @POST
    @Path("executions/{id}/stop")
    @Operation(summary = "Ask a running execution to stop (it ends STOPPED after its current chunk)")
    @APIResponse(responseCode = "409", description = "Not running")
    public JobExecutionJson stop(@PathParam("id") String id) {
        return JobExecutionJson.from(executions.stop(RequestValues.longId("Job execution", id)));
    }

    @POST
    @Path("executions/{id}/restart")
    @Operation(summary = "Restart a stopped or failed execution; answers the new execution")
    @APIResponse(responseCode = "409", description = "Completed, abandoned, running, or not the latest of its instance")
    public JobExecutionJson restart(@PathParam("id") String id) {
        return JobExecutionJson.from(executions.restart(RequestValues.longId("Job execution", id)));
    }

    @POST
    @Path("executions/{id}/abandon")
    @Operation(summary = "Mark a finished execution ABANDONED so that it is never restarted")
    @APIResponse(responseCode = "409", description = "Still running")
    public JobExecutionJson abandon(@PathParam("id") String id) {
        return JobExecutionJson.from(executions.abandon(RequestValues.longId("Job execution", id)));
    }
}
