package dev.ore.publisher.sandbox;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the sandbox remember what it created, in the tests' embedded WireMock and in the
 * standalone one ({@code server-config/sandbox/start-sandbox.sh} loads this class with
 * {@code --extensions}). Every create that the sandbox's success (or slow) mapping answers, and
 * every create a stub marks {@code "sandbox": {"created": true}} (a post created although the
 * answer is a 500), is recorded with a fresh id; the listing mappings
 * ({@code "sandbox": {"case": "list"}}) then answer from those records, newest first and page by
 * page as each platform pages, in each platform's read-back form: X wraps links in t.co and
 * HTML-escapes {@code & < >}, LinkedIn keeps the little-text escapes of the commentary, Meta
 * returns the message as sent (reconciliation.md §1.4, §2.4, §3.3). A LinkedIn member author
 * cannot be listed (403 partnerApiPosts), as for an ordinary app.
 *
 * <p>Creates answered by the success mapping can be turned into faults by a {@link FaultMix}
 * (system property {@code sandbox.faults}, or {@code POST /__admin/sandbox/faults} with the mix as
 * body). {@code GET /__admin/sandbox/posts} lists every record
 * ({@code {"posts":[{"account","id","text","createdAt"}]}}), {@code GET /__admin/sandbox/posts/count}
 * counts them ({@code {"posts":n}}), {@code DELETE} forgets them: how a
 * chaos run counts the creates each distribution caused.
 */
public final class SandboxPosts implements ResponseDefinitionTransformerV2, ResponseTransformerV2, AdminApiExtension {

    /** Looked up once: {@code Json.createX} looks the provider up through the ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Pattern X_LIST = Pattern.compile("/2/users/([^/]+)/tweets");
    private static final Pattern META_LIST = Pattern.compile("/v\\d+\\.0/([^/]+)/published_posts");
    /** Meta's create path: group 1 the Graph API version ({@code v21.0}), group 2 the page id. */
    private static final Pattern META_CREATE = Pattern.compile("/(v\\d+\\.0)/([^/]+)/feed");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final DateTimeFormatter META_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);

    /** A created post: {@code text} as the create call sent it. */
    public record Post(String id, String text, Instant createdAt) {
    }

    /**
     * Each account's posts in the order they were created. A synchronized list rather than a
     * copy-on-write one: a create appends in constant time (a copy-on-write list copied the
     * account's whole list for every create), and the readers copy under its lock.
     */
    private final Map<String, List<Post>> byAccount = new ConcurrentHashMap<>();
    private volatile FaultMix faults = FaultMix.parse(System.getProperty("sandbox.faults"));

    @Override
    public String getName() {
        return "sandbox-posts";
    }

    /** Both stages look at every request; each decides from the stub's metadata whether it is theirs. */
    @Override
    public boolean applyGlobally() {
        return true;
    }

    /** The posts created for an X bearer token, a Meta page id or a LinkedIn author URN. */
    public List<Post> posts(String account) {
        return snapshot(byAccount.getOrDefault(account, List.of()));
    }

    /** Every record, across accounts. */
    public List<Post> all() {
        return byAccount.values().stream().flatMap(posts -> snapshot(posts).stream()).toList();
    }

    /** A copy of one account's records, taken under the list's lock. */
    private static List<Post> snapshot(List<Post> posts) {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** How many posts are recorded, across accounts. */
    public int count() {
        return byAccount.values().stream().mapToInt(List::size).sum();
    }

    public FaultMix faults() {
        return faults;
    }

    /** From now on, creates answered by a success mapping follow {@code mix}. */
    public void faults(FaultMix mix) {
        faults = mix;
    }

    /** Records a post as if a create call (whose answer got lost) had made it. */
    public Post created(String account, String text) {
        Post post = new Post(newId(account), text, Instant.now());
        byAccount.computeIfAbsent(account, key -> Collections.synchronizedList(new ArrayList<>())).add(post);
        return post;
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(RequestMethod.GET, "/sandbox/posts", (admin, event, params) -> {
            JsonArrayBuilder posts = JSON.createArrayBuilder();
            byAccount.forEach((account, list) -> snapshot(list).forEach(post -> posts.add(JSON.createObjectBuilder()
                    .add("account", account).add("id", post.id()).add("text", post.text())
                    .add("createdAt", post.createdAt().toString()))));
            return json(200, JSON.createObjectBuilder().add("posts", posts));
        });
        router.add(RequestMethod.GET, "/sandbox/posts/count", (admin, event, params) -> json(200,
                JSON.createObjectBuilder().add("posts", count())));
        router.add(RequestMethod.DELETE, "/sandbox/posts", (admin, event, params) -> {
            int removed = count();
            byAccount.clear();
            return json(200, JSON.createObjectBuilder().add("removed", removed));
        });
        router.add(RequestMethod.GET, "/sandbox/faults", (admin, event, params) ->
                json(200, JSON.createObjectBuilder().add("faults", faults.toString())));
        router.add(RequestMethod.POST, "/sandbox/faults", (admin, event, params) -> {
            try {
                faults(FaultMix.parse(event.getRequest().getBodyAsString()));
            } catch (IllegalArgumentException e) {
                return json(400, JSON.createObjectBuilder().add("message", String.valueOf(e.getMessage())));
            }
            return json(200, JSON.createObjectBuilder().add("faults", faults.toString()));
        });
    }

    /**
     * Before the answer is rendered: listings, and the fault a create drawn from the mix gets. A
     * create answered with an error is recorded here (the post exists, the answer says otherwise);
     * one answered with success is recorded once its answer is rendered, by {@link #transform(Response, ServeEvent)}.
     */
    @Override
    public ResponseDefinition transform(ServeEvent event) {
        ResponseDefinition response = event.getResponseDefinition();
        Map<?, ?> sandbox = sandboxMetadata(event.getStubMapping());
        Request request = event.getRequest();
        String path = pathOf(request);
        if (RequestMethod.GET.equals(request.getMethod()) && "list".equals(sandbox.get("case"))) {
            return list(request, path, response);
        }
        if (!creates(request, path, sandbox)) {
            return response;
        }
        boolean success = "success".equals(sandbox.get("case"));
        String platform = platform(path);
        FaultMix mix = faults;
        FaultMix.Kind kind = success ? mix.draw(platform) : FaultMix.Kind.SUCCESS;
        String page = platform.equals("meta") ? pageOf(path) : "";
        return switch (kind) {
            case RESET -> FaultAnswers.reset();
            case RATE_LIMIT -> delayed(FaultAnswers.rateLimited(platform, page, mix.rateLimitSeconds()), mix.drawLatency());
            case SERVER_ERROR -> delayed(FaultAnswers.serverError(platform, page, 503), mix.drawLatency());
            case CREATED_500 -> {
                create(request, path);
                yield delayed(FaultAnswers.serverError(platform, page, 500), mix.drawLatency());
            }
            case CREATED_SLOW -> delayed(response, mix.slowMillis());
            case SUCCESS -> {
                if (response.getStatus() >= 300) {
                    create(request, path); // a stub's "created": true with an error answer
                }
                yield delayed(response, mix.drawLatency());
            }
        };
    }

    /**
     * After the answer is rendered: a create answered with success is recorded, and its answer
     * carries the recorded post's id ({@link #answerCreated}). Rewriting the rendered answer
     * (rather than the definition before it) keeps the mappings constant, so WireMock parses each
     * once instead of once per create.
     */
    @Override
    public Response transform(Response response, ServeEvent event) {
        Request request = event.getRequest();
        String path = pathOf(request);
        if (response.getFault() != null || response.getStatus() >= 300
                || !creates(request, path, sandboxMetadata(event.getStubMapping()))) {
            return response;
        }
        return create(request, path).map(post -> answerCreated(path, response, post)).orElse(response);
    }

    private static String pathOf(Request request) {
        return request.getUrl().split("\\?", 2)[0];
    }

    /** Whether the request is a create that a success, slow or "created" stub answers. */
    private static boolean creates(Request request, String path, Map<?, ?> sandbox) {
        boolean creating = "success".equals(sandbox.get("case")) || "slow".equals(sandbox.get("case"))
                || Boolean.TRUE.equals(sandbox.get("created"));
        return creating && RequestMethod.POST.equals(request.getMethod()) && platform(path) != null;
    }

    private static String platform(String path) {
        if (path.equals("/2/tweets")) {
            return "x";
        }
        if (path.equals("/rest/posts")) {
            return "linkedin";
        }
        return META_CREATE.matcher(path).matches() ? "meta" : null;
    }

    private static String pageOf(String path) {
        Matcher meta = META_CREATE.matcher(path);
        return meta.matches() ? meta.group(2) : "";
    }

    private static ResponseDefinition delayed(ResponseDefinition response, int millis) {
        if (millis == 0) {
            return response;
        }
        Integer fixed = response.getFixedDelayMilliseconds();
        return ResponseDefinitionBuilder.like(response).but().withFixedDelay((fixed == null ? 0 : fixed) + millis).build();
    }

    private Optional<Post> create(Request request, String path) {
        JsonObject body = parse(request.getBodyAsString());
        if (path.equals("/2/tweets") && body.containsKey("text")) {
            return Optional.of(created("x:" + request.getHeader("Authorization"), body.getString("text")));
        }
        if (path.equals("/rest/posts") && body.containsKey("author")) {
            return Optional.of(created(body.getString("author"), body.getString("commentary", "")));
        }
        Matcher meta = META_CREATE.matcher(path);
        if (meta.matches()) {
            return Optional.of(created(meta.group(2), body.getString("message", "")));
        }
        return Optional.empty();
    }

    /**
     * The success answer to a create, made here rather than by response templates (rendering them
     * cost the sandbox a fifth of its CPU a create, and the id and text they drew were replaced
     * here anyway): the stub's status and constant headers, with what each platform adds per post.
     * X: {@code {"data":{"id","text"}}} and its rate-limit windows' reset times (unix seconds, 15
     * minutes and 24 hours ahead); LinkedIn: the post's URN in {@code x-restli-id}; Meta:
     * {@code {"id":"<page>_<post>"}}, the Graph API version called and the page's business use
     * case usage.
     */
    private static Response answerCreated(String path, Response response, Post post) {
        Map<String, String> added = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String body;
        if (path.equals("/2/tweets")) {
            long now = Instant.now().getEpochSecond();
            added.put("x-rate-limit-reset", Long.toString(now + 15 * 60));
            added.put("x-user-limit-24hour-reset", Long.toString(now + 24 * 3600));
            added.put("x-app-limit-24hour-reset", Long.toString(now + 24 * 3600));
            body = JSON.createObjectBuilder().add("data", JSON.createObjectBuilder()
                    .add("id", post.id()).add("text", post.text())).build().toString();
        } else if (path.equals("/rest/posts")) {
            added.put("x-restli-id", post.id());
            body = null;
        } else {
            Matcher meta = META_CREATE.matcher(path);
            if (!meta.matches()) {
                return response;
            }
            added.put("facebook-api-version", meta.group(1));
            added.put("X-Business-Use-Case-Usage", JSON.createObjectBuilder().add(meta.group(2), JSON.createArrayBuilder()
                    .add(JSON.createObjectBuilder().add("type", "pages").add("call_count", 1).add("total_cputime", 1)
                            .add("total_time", 1).add("estimated_time_to_regain_access", 0))).build().toString());
            body = JSON.createObjectBuilder().add("id", post.id()).build().toString();
        }
        List<HttpHeader> headers = new ArrayList<>();
        if (response.getHeaders() != null) {
            response.getHeaders().all().stream()
                    .filter(header -> !added.containsKey(header.key()))
                    .forEach(headers::add);
        }
        added.forEach((name, value) -> headers.add(new HttpHeader(name, value)));
        Response.Builder builder = Response.Builder.like(response).but().headers(new HttpHeaders(headers));
        return (body == null ? builder : builder.body(body)).build();
    }

    /**
     * Lists an account's recorded posts newest first, one page at a time as each platform pages:
     * X {@code max_results} with {@code meta.next_token} → {@code pagination_token}; Meta
     * {@code limit} with {@code paging.cursors.after} and {@code paging.next} → {@code after};
     * LinkedIn {@code count} and {@code start}. The cursors are offsets into the listing.
     */
    private ResponseDefinition list(Request request, String path, ResponseDefinition response) {
        Matcher x = X_LIST.matcher(path);
        if (x.matches()) {
            Instant since = Optional.ofNullable(query(request, "start_time")).map(Instant::parse).orElse(Instant.EPOCH);
            List<Post> posts = newestFirst(posts("x:" + request.getHeader("Authorization")), since);
            return json(200, xPosts(posts, offset(request, "pagination_token"), pageSize(request, "max_results", 10)));
        }
        Matcher meta = META_LIST.matcher(path);
        if (meta.matches()) {
            Instant since = Optional.ofNullable(query(request, "since")).map(Long::parseLong)
                    .map(Instant::ofEpochSecond).orElse(Instant.EPOCH);
            List<Post> posts = newestFirst(posts(meta.group(1)), since);
            int from = offset(request, "after");
            int size = pageSize(request, "limit", 25);
            JsonArrayBuilder data = JSON.createArrayBuilder();
            page(posts, from, size).forEach(post -> data.add(JSON.createObjectBuilder()
                    .add("id", post.id()).add("message", post.text())
                    .add("created_time", META_TIME.format(post.createdAt()))));
            JsonObjectBuilder paging = JSON.createObjectBuilder();
            if (posts.size() > from + size) {
                String after = Integer.toString(from + size);
                paging.add("cursors", JSON.createObjectBuilder().add("before", Integer.toString(from)).add("after", after))
                        .add("next", request.getAbsoluteUrl().replaceAll("&after=[^&]*", "") + "&after=" + after);
            }
            return json(200, JSON.createObjectBuilder().add("data", data).add("paging", paging));
        }
        if (path.equals("/rest/posts")) {
            String author = query(request, "author");
            if (author == null || !author.startsWith("urn:li:organization:")) {
                return json(403, JSON.createObjectBuilder().add("status", 403).add("serviceErrorCode", 100)
                        .add("code", "ACCESS_DENIED")
                        .add("message", "Not enough permissions to access: partnerApiPosts.FINDER-author"));
            }
            List<Post> posts = newestFirst(posts(author), Instant.EPOCH);
            int from = offset(request, "start");
            int size = pageSize(request, "count", 10);
            List<Post> page = page(posts, from, size);
            JsonArrayBuilder elements = JSON.createArrayBuilder();
            page.forEach(post -> elements.add(JSON.createObjectBuilder().add("id", post.id())
                    .add("author", author).add("commentary", post.text()).add("visibility", "PUBLIC")
                    .add("lifecycleState", "PUBLISHED").add("createdAt", post.createdAt().toEpochMilli())
                    .add("publishedAt", post.createdAt().toEpochMilli())));
            return json(200, JSON.createObjectBuilder().add("paging", JSON.createObjectBuilder()
                    .add("start", from).add("count", page.size()).add("total", posts.size()))
                    .add("elements", elements));
        }
        return response;
    }

    /** X's read-back form: each URL wrapped in a t.co link listed in entities.urls, {@code & < >} escaped. */
    private static JsonObjectBuilder xPosts(List<Post> all, int from, int size) {
        List<Post> posts = page(all, from, size);
        JsonObjectBuilder answer = JSON.createObjectBuilder();
        if (!posts.isEmpty()) {
            JsonArrayBuilder data = JSON.createArrayBuilder();
            for (Post post : posts) {
                JsonArrayBuilder urls = JSON.createArrayBuilder();
                Matcher url = URL.matcher(post.text());
                StringBuilder text = new StringBuilder();
                while (url.find()) {
                    String shortUrl = "https://t.co/" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36);
                    urls.add(JSON.createObjectBuilder().add("url", shortUrl).add("expanded_url", url.group())
                            .add("display_url", url.group().replaceFirst("https?://", "")));
                    url.appendReplacement(text, Matcher.quoteReplacement(shortUrl));
                }
                url.appendTail(text);
                String escaped = text.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
                data.add(JSON.createObjectBuilder().add("id", post.id()).add("text", escaped)
                        .add("created_at", post.createdAt().toString())
                        .add("edit_history_tweet_ids", JSON.createArrayBuilder().add(post.id()))
                        .add("entities", JSON.createObjectBuilder().add("urls", urls)));
            }
            answer.add("data", data);
        }
        JsonObjectBuilder meta = JSON.createObjectBuilder().add("result_count", posts.size());
        if (all.size() > from + size) {
            meta.add("next_token", Integer.toString(from + size));
        }
        return answer.add("meta", meta);
    }

    private static List<Post> page(List<Post> posts, int from, int size) {
        return posts.subList(Math.min(from, posts.size()), Math.min(from + size, posts.size()));
    }

    /** Where a page starts: the cursor or offset the previous page gave, 0 for the first page. */
    private static int offset(Request request, String parameter) {
        try {
            return Optional.ofNullable(query(request, parameter)).map(Integer::parseInt).map(n -> Math.max(0, n)).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The page size asked for, within the platforms' limit of 100 per page. */
    private static int pageSize(Request request, String parameter, int platformDefault) {
        try {
            return Optional.ofNullable(query(request, parameter)).map(Integer::parseInt)
                    .map(size -> Math.max(1, Math.min(size, 100))).orElse(platformDefault);
        } catch (NumberFormatException e) {
            return platformDefault;
        }
    }

    private static List<Post> newestFirst(List<Post> posts, Instant since) {
        return posts.stream().filter(post -> !post.createdAt().isBefore(since))
                .sorted(Comparator.comparing(Post::createdAt).reversed()).toList();
    }

    private static ResponseDefinition json(int status, JsonObjectBuilder body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body.build().toString()).build();
    }

    private static String query(Request request, String name) {
        String[] parts = request.getUrl().split("\\?", 2);
        if (parts.length < 2) {
            return null;
        }
        for (String pair : parts[1].split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name) && kv.length == 2) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String newId(String account) {
        // The shapes the sandbox's own mappings answer: 19 digits, urn:li:share:7 + 18, {page}_1 + 15.
        // 18 random digits, zero-padded: the last 18 of 10^18 + n (String.format cost 4 % of the
        // sandbox's CPU in a benchmark profile).
        String digits = Long.toString(1_000_000_000_000_000_000L
                + ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L)).substring(1);
        if (account.startsWith("x:")) {
            return "1" + digits;
        }
        if (account.startsWith("urn:li:")) {
            return "urn:li:share:7" + digits;
        }
        return account + "_1" + digits.substring(3);
    }

    private static Map<?, ?> sandboxMetadata(StubMapping stub) {
        if (stub == null || stub.getMetadata() == null || !(stub.getMetadata().get("sandbox") instanceof Map<?, ?> map)) {
            return Map.of();
        }
        return map;
    }

    private static JsonObject parse(String body) {
        try {
            return JSON.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            return JSON.createObjectBuilder().build();
        }
    }
}
