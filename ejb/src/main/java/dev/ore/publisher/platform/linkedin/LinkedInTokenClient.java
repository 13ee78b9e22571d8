package dev.ore.publisher.platform.linkedin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** LinkedIn's OAuth 2.0 token endpoint. Base URL: {@code publisher.platform.linkedin.oauth-url}. */
@RegisterRestClient(configKey = "linkedin-oauth")
@Path("/oauth/v2")
public interface LinkedInTokenClient {

    /** Code exchange and refresh, client id and secret in the form. */
    @POST
    @Path("/accessToken")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(Form form);
}
