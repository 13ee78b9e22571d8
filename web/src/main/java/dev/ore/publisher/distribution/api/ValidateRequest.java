package dev.ore.publisher.distribution.api;

import dev.ore.publisher.platform.entity.Platform;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/publishing/validate}: content to check against each platform's rules. */
public record ValidateRequest(@NotNull @Size(max = 100_000) String body,
                              @Size(max = 30) List<@NotNull @Size(max = 101) String> hashtags,
                              @Size(max = 2048) String linkUrl,
                              @NotEmpty @Size(max = 3) List<@NotNull Platform> platforms) {
}
