package dev.ore.publisher.admin.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The id under which an operator found the post on the platform. */
public record MarkPublishedRequest(@NotBlank @Size(max = 200) String externalPostId) {
}
