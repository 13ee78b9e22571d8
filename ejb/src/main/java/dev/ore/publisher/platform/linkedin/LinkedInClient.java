package dev.ore.publisher.platform.linkedin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** LinkedIn's versioned REST API (Posts). Base URL: {@code publisher.platform.linkedin.url}. */
@Path("/rest")
public interface LinkedInClient {

    /** {@code 201}, empty body, the new post's URN in header {@code x-restli-id}. */
    @POST
    @Path("/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response createPost(@HeaderParam("Authorization") String authorization,
                        @HeaderParam("LinkedIn-Version") String version,
                        @HeaderParam("X-Restli-Protocol-Version") String protocolVersion,
                        String post);

    /** Posts by an author ({@code elements[]}: id, author, commentary, lifecycleState, createdAt), newest first. */
    @GET
    @Path("/posts")
    @Produces(MediaType.APPLICATION_JSON)
    Response postsByAuthor(@HeaderParam("Authorization") String authorization,
                           @HeaderParam("LinkedIn-Version") String version,
                           @HeaderParam("X-Restli-Protocol-Version") String protocolVersion,
                           @QueryParam("author") String author, @QueryParam("q") String finder,
                           @QueryParam("count") int count, @QueryParam("sortBy") String sortBy,
                           @QueryParam("start") int start);

    record LinkedInPost(String author, String commentary, String visibility, Distribution distribution,
                        Content content, String lifecycleState, boolean isReshareDisabledByAuthor) {
    }

    record Distribution(String feedDistribution, List<String> targetEntities,
                        List<String> thirdPartyDistributionChannels) {
    }

    record Content(Article article) {
    }

    record Article(String source, String title) {
    }
}
