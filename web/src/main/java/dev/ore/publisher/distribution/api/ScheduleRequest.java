package dev.ore.publisher.distribution.api;

import dev.ore.publisher.platform.entity.Platform;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/publishing/distributions}: content inline (or an existing
 * {@code contentId}), the platforms, and when: {@code publishOnUtc}, or {@code publishOnLocal}
 * with {@code timeZone}.
 */
@Schema(name = "ScheduleRequest", description = "Content (inline or by contentId), platforms and publish time.")
public record ScheduleRequest(
        @Schema(description = "Existing content of the team; leave the inline fields out when given.")
        UUID contentId,
        @Size(min = 1, max = 300) @Schema(example = "Launch day")
        String title,
        @Size(min = 1, max = 63_206) @Schema(example = "We are live! Read all about it.")
        String body,
        @Size(max = 2_200)
        String caption,
        @Size(max = 30)
        List<@NotNull @Pattern(regexp = "#?[\\p{L}\\p{N}_]{1,100}", message = "must be a hashtag: letters, digits, underscores") String> hashtags,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Schema(example = "https://example.com/launch")
        String linkUrl,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        String mediaUrl,
        @NotEmpty @Size(max = 3) @Schema(example = "[\"X\", \"LINKEDIN\"]")
        List<@NotNull Platform> platforms,
        @Schema(description = "ISO-8601 instant. In the past means as soon as possible.", example = "2026-12-01T09:00:00Z")
        Instant publishOnUtc,
        @Schema(description = "Local date-time, with timeZone. A time in a DST gap is refused; in an overlap the earlier offset is used.",
                example = "2026-12-01T10:00:00")
        LocalDateTime publishOnLocal,
        @Size(max = 64) @Schema(description = "IANA time zone", example = "Europe/Berlin")
        String timeZone,
        @Size(max = 40) @Schema(description = "ISO-8601 duration between the first attempt and the first retry (doubles each time, at most 4 h)", example = "PT5M", defaultValue = "PT5M")
        String retryInterval,
        @Min(0) @Max(10) @Schema(defaultValue = "3")
        Integer maxRetryCount) {
}
