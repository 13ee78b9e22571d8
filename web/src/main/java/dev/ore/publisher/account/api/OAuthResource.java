package dev.ore.publisher.account.api;

import dev.ore.publisher.account.boundary.Accounts;
import dev.ore.publisher.api.Caller;
import dev.ore.publisher.api.Roles;
import dev.ore.publisher.oauth.boundary.Authorizations;
import dev.ore.publisher.oauth.control.Connection;
import dev.ore.publisher.oauth.control.TokenGrant;
import dev.ore.publisher.problem.boundary.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Connecting accounts: the start of an OAuth flow, its callback, or tokens the client already holds. */
@Path("social-media/oauth")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthResource {

    @Inject
    Authorizations authorizations;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    /**
     * With {@code redirectUri}: 200 {@code {authorizationUrl, state}}. With {@code accessToken}: the
     * tokens are stored encrypted, 201 with the account.
     */
    @POST
    @Path("connect")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PUBLISHER)
    public Response connect(@Valid @NotNull ConnectRequest request) {
        if (request.importsTokens()) {
            if (request.accountName() == null || request.accountName().isBlank()) {
                throw Refusal.invalid("accountName is required when importing tokens.");
            }
            var tokens = new TokenGrant.Granted(request.accessToken(), blankToNull(request.refreshToken()),
                    request.expiresAt(), request.refreshExpiresAt(), null);
            String external = request.externalAccountId() == null || request.externalAccountId().isBlank()
                    ? request.accountName() : request.externalAccountId();
            var account = accounts.connect(caller.team(), caller.name(), request.platform(),
                    new Connection(external, request.accountName(), tokens), "import");
            return Response.status(Response.Status.CREATED).entity(AccountJson.from(account)).build();
        }
        if (request.redirectUri() == null || request.redirectUri().isBlank()) {
            throw Refusal.invalid("Send either redirectUri (to start OAuth) or accountName and accessToken "
                    + "(to import tokens).");
        }
        return Response.ok(AuthorizationJson.from(authorizations.start(caller.team(), caller.name(),
                request.platform(), redirectUri(request.redirectUri())))).build();
    }

    /** The platform's redirect after the user decided; open, because the state is the credential. */
    @GET
    @Path("callback")
    @PermitAll
    public AccountJson callback(@QueryParam("code") String code, @QueryParam("state") String state,
                                @QueryParam("error") String error) {
        return AccountJson.from(authorizations.complete(code, state, error));
    }

    private static URI redirectUri(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getScheme().matches("https?") && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // answered below
        }
        throw Refusal.invalid("redirectUri must be an absolute http(s) URL.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
