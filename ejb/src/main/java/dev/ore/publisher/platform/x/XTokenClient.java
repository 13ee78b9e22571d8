package dev.ore.publisher.platform.x;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** X's OAuth 2.0 endpoints and the caller's identity. Base URL: {@code publisher.platform.x.url}. */
@RegisterRestClient(configKey = "x-oauth")
@Path("/2")
public interface XTokenClient {

    /** Code exchange and refresh: {@code {"access_token","refresh_token","expires_in","scope"}}. */
    @POST
    @Path("/oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(@HeaderParam("Authorization") String basic, Form form);

    @POST
    @Path("/oauth2/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response revoke(@HeaderParam("Authorization") String basic, Form form);

    /** {@code {"data":{"id","name","username"}}}. */
    @GET
    @Path("/users/me")
    @Produces(MediaType.APPLICATION_JSON)
    Response me(@HeaderParam("Authorization") String bearer);
}
