package dev.ore.publisher.content.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What a team wants to say: written once, distributed to one or more platforms. Immutable once created. */
@Entity
@Table(name = "content")
public class Content {

    @Id
    private UUID id;

    @Column(name = "team_id", nullable = false, updatable = false)
    private UUID teamId;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(updatable = false)
    private String caption;

    @Column(updatable = false)
    private String hashtags;

    @Column(name = "link_url", updatable = false)
    private String linkUrl;

    @Column(name = "media_url", updatable = false)
    private String mediaUrl;

    @Column(name = "created_on_utc", nullable = false, updatable = false)
    private Instant createdOnUtc;

    protected Content() {
    }

    public Content(UUID teamId, String title, String body, String caption, String hashtags, String linkUrl,
                   String mediaUrl) {
        this.id = UUID.randomUUID();
        this.teamId = Objects.requireNonNull(teamId, "teamId");
        this.title = Objects.requireNonNull(title, "title");
        this.body = Objects.requireNonNull(body, "body");
        this.caption = caption;
        this.hashtags = hashtags;
        this.linkUrl = linkUrl;
        this.mediaUrl = mediaUrl;
    }

    @PrePersist
    void onCreate() {
        createdOnUtc = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public String getCaption() {
        return caption;
    }

    public String getHashtags() {
        return hashtags;
    }

    public String getLinkUrl() {
        return linkUrl;
    }

    public String getMediaUrl() {
        return mediaUrl;
    }

    public Instant getCreatedOnUtc() {
        return createdOnUtc;
    }
}
