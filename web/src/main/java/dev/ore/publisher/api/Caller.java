package dev.ore.publisher.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the team and the user named by the request's verified token. */
@RequestScoped
public class Caller {

    static final String TEAM_CLAIM = "team_id";

    @Inject
    JsonWebToken token;

    /** The caller's team; a token without a well-formed {@code team_id} claim is refused. */
    public UUID team() {
        Object claim = token.getClaim(TEAM_CLAIM);
        return Optional.ofNullable(claim)
                .map(value -> value.toString().replace("\"", ""))
                .flatMap(Caller::uuid)
                .orElseThrow(() -> new ProblemException(403, "Token has no team",
                        "The bearer token must carry the caller's team id (a UUID) in claim " + TEAM_CLAIM + "."));
    }

    /** The acting user, for audit rows. */
    public String name() {
        String name = token.getName();
        return name == null || name.isBlank() ? token.getSubject() : name;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
