package dev.ore.publisher.platform.linkedin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Who the member is (OpenID Connect userinfo), for the author URN. Base URL: {@code publisher.platform.linkedin.url}. */
@RegisterRestClient(configKey = "linkedin")
@Path("/v2")
public interface LinkedInIdentityClient {

    /** {@code {"sub","name",…}}. */
    @GET
    @Path("/userinfo")
    @Produces(MediaType.APPLICATION_JSON)
    Response userinfo(@HeaderParam("Authorization") String bearer);
}
