package dev.ore.publisher.account.api;

import dev.ore.publisher.account.boundary.TokenKeys;
import dev.ore.publisher.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Operators move every stored token to the active key after a key rotation (the sweep does it too, slowly). */
@Path("admin/token-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TokenKeysResource {

    @Inject
    TokenKeys keys;

    /** {@code {"reencrypted": <accounts moved>}}. */
    @POST
    @Path("reencrypt")
    public ReencryptionJson reencrypt() {
        return new ReencryptionJson(keys.reencryptAll());
    }

    public record ReencryptionJson(int reencrypted) {
    }
}
