package dev.ore.publisher.platform.x;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** X API v2, as far as Ore Publisher uses it. Base URL: {@code publisher.platform.x.url}. */
@Path("/2")
public interface XClient {

    /** {@code 201 {"data":{"id","text"}}} on success. */
    @POST
    @Path("/tweets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response createPost(@HeaderParam("Authorization") String authorization, String post);

    /**
     * The user's recent posts, newest first ({@code data[]}: id, text, created_at, entities,
     * note_tweet); {@code meta.next_token} pages on ({@code pagination_token}, omitted when null).
     */
    @GET
    @Path("/users/{id}/tweets")
    @Produces(MediaType.APPLICATION_JSON)
    Response userPosts(@HeaderParam("Authorization") String authorization, @PathParam("id") String userId,
                       @QueryParam("start_time") String startTime, @QueryParam("max_results") int maxResults,
                       @QueryParam("exclude") String exclude, @QueryParam("tweet.fields") String fields,
                       @QueryParam("pagination_token") String paginationToken);

    record XPost(String text) {
    }
}
