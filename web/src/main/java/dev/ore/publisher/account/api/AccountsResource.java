package dev.ore.publisher.account.api;

import dev.ore.publisher.account.boundary.Accounts;
import dev.ore.publisher.api.Caller;
import dev.ore.publisher.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** The caller's team's connected accounts. */
@Path("social-media/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PUBLISHER)
public class AccountsResource {

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @GET
    public List<AccountJson> list() {
        return accounts.list(caller.team()).stream().map(AccountJson::from).toList();
    }

    /** Revokes at the platform where it can, wipes the tokens, cancels what was pending for the account. */
    @DELETE
    @Path("{id}")
    public void disconnect(@PathParam("id") UUID id) {
        accounts.disconnect(caller.team(), id, caller.name());
    }
}
