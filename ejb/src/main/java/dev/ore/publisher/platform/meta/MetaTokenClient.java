package dev.ore.publisher.platform.meta;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The Graph API's token exchange and the user's Pages. Base URL: {@code publisher.platform.meta.url}. */
@RegisterRestClient(configKey = "meta")
@Path("/{version}")
public interface MetaTokenClient {

    /** Code → short-lived user token: {@code {"access_token","token_type","expires_in"}}. */
    @GET
    @Path("/oauth/access_token")
    @Produces(MediaType.APPLICATION_JSON)
    Response exchangeCode(@PathParam("version") String version, @QueryParam("client_id") String clientId,
                          @QueryParam("client_secret") String clientSecret,
                          @QueryParam("redirect_uri") String redirectUri, @QueryParam("code") String code);

    /** Short-lived → long-lived (about 60 days) user token. */
    @GET
    @Path("/oauth/access_token")
    @Produces(MediaType.APPLICATION_JSON)
    Response longLived(@PathParam("version") String version, @QueryParam("grant_type") String grantType,
                       @QueryParam("client_id") String clientId, @QueryParam("client_secret") String clientSecret,
                       @QueryParam("fb_exchange_token") String shortLivedToken);

    /** {@code {"data":[{"id","name","access_token"}]}}: the Pages the user manages, each with a Page token. */
    @GET
    @Path("/me/accounts")
    @Produces(MediaType.APPLICATION_JSON)
    Response pages(@PathParam("version") String version, @HeaderParam("Authorization") String bearer,
                   @QueryParam("fields") String fields);
}
