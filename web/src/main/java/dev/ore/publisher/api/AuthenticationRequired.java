package dev.ore.publisher.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API call needs a verified bearer token that names the caller's team. Without a token the
 * answer is 401 with a problem+json body and a {@code WWW-Authenticate} challenge (RESTEasy's role
 * check alone would say 403); a token without a team gets 403. Methods marked {@code @PermitAll}
 * are open: the OAuth callback is reached by a browser redirect from the platform, which carries
 * no bearer token (its single-use state is the credential).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequired implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        boolean open = resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(PermitAll.class);
        if (open) {
            return;
        }
        if (request.getSecurityContext().getUserPrincipal() == null) {
            request.abortWith(jakarta.ws.rs.core.Response.fromResponse(ProblemMappers.standard(401))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ore-publisher\"")
                    .build());
            return;
        }
        caller.team();
    }
}
