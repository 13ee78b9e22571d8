package dev.ore.publisher.admin.api;

import dev.ore.publisher.api.RequestValues;
import dev.ore.publisher.admin.boundary.Reconnections;
import dev.ore.publisher.api.Problem;
import dev.ore.publisher.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Accounts of every team that need reconnecting, or whose tokens expire soon. Never a token. */
@Path("admin/accounts")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the admin role",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AccountsResource {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    @Inject
    Reconnections reconnections;

    @GET
    @Path("attention")
    @Operation(summary = "REAUTH_REQUIRED accounts, and connected ones whose tokens expire within the window")
    public List<AccountJson> attention(@QueryParam("within") @Parameter(description = "ISO duration, default P7D") String within) {
        return reconnections.within(RequestValues.duration("within", within, DEFAULT_WINDOW)).stream()
                .map(AccountJson::from).toList();
    }
}
