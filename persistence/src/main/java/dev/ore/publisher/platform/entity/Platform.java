package dev.ore.publisher.platform.entity;

/** The social networks a team can publish to. Stored by name. */
public enum Platform {
    /** Facebook Pages through the Graph API. */
    META,
    /** LinkedIn members and organisations through the Posts API. */
    LINKEDIN,
    /** X (formerly Twitter) through API v2. */
    X
}
