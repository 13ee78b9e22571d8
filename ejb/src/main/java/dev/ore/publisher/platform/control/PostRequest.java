package dev.ore.publisher.platform.control;

import java.util.UUID;

/**
 * Everything a platform needs to create one post. Holds a clear-text access token for the length
 * of one call, so {@link #toString()} leaves it out.
 *
 * @param accountExternalId the platform's id for the account: Facebook Page id, LinkedIn author
 *                          URN ({@code urn:li:person:…} or {@code urn:li:organization:…}), X user id
 * @param text              the post's text as written (platform-specific escaping is the client's job)
 * @param linkUrl           optional link to attach
 * @param title             the content's title (LinkedIn article title)
 */
public record PostRequest(UUID distributionId, String accountExternalId, String accessToken, String text,
                          String linkUrl, String title) {

    @Override
    public String toString() {
        return "PostRequest[distribution=" + distributionId + ", account=" + accountExternalId + "]";
    }
}
