package dev.ore.publisher.platform.meta;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Meta's Graph API for Facebook Pages. Base URL: {@code publisher.platform.meta.url}. */
@Path("/")
public interface MetaClient {

    /** {@code 200 {"id":"<page-id>_<post-id>"}} on success. */
    @POST
    @Path("/{version}/{pageId}/feed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response createFeedPost(@PathParam("version") String graphVersion, @PathParam("pageId") String pageId,
                            @HeaderParam("Authorization") String authorization, String post);

    /** The Page's published posts ({@code data[]}: id, message, created_time), ranked, not strictly by time. */
    @GET
    @Path("/{version}/{pageId}/published_posts")
    @Produces(MediaType.APPLICATION_JSON)
    Response publishedPosts(@PathParam("version") String graphVersion, @PathParam("pageId") String pageId,
                            @HeaderParam("Authorization") String authorization, @QueryParam("fields") String fields,
                            @QueryParam("since") long since, @QueryParam("limit") int limit,
                            @QueryParam("after") String after);

    record FeedPost(String message, String link, boolean published) {
    }
}
