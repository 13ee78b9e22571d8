package dev.ore.publisher.distribution.api;

import dev.ore.publisher.api.InvalidRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * Turns a request's "when" into an instant. A local time that does not exist in its zone (the
 * clocks jump over it) is refused with the jump named; a local time that exists twice (the
 * clocks go back) takes the earlier offset, i.e. the first of the two instants.
 */
final class PublishTimes {

    private PublishTimes() {
    }

    record When(Instant utc, String timeZone) {
    }

    static When resolve(Instant publishOnUtc, LocalDateTime publishOnLocal, String timeZone) {
        if (publishOnUtc != null && publishOnLocal != null) {
            throw new InvalidRequest("publishOnLocal", "give either publishOnUtc or publishOnLocal with timeZone, not both");
        }
        if (publishOnUtc == null && publishOnLocal == null) {
            throw new InvalidRequest("publishOnUtc", "give publishOnUtc, or publishOnLocal with timeZone");
        }
        ZoneId zone = zone(timeZone, publishOnLocal != null);
        if (publishOnUtc != null) {
            return new When(publishOnUtc, zone == null ? "UTC" : zone.getId());
        }
        var offsets = zone.getRules().getValidOffsets(publishOnLocal);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(publishOnLocal);
            throw new InvalidRequest("publishOnLocal", publishOnLocal + " does not exist in " + zone.getId()
                    + ": the clocks jump from " + gap.getDateTimeBefore().toLocalTime() + " to "
                    + gap.getDateTimeAfter().toLocalTime() + " on " + gap.getDateTimeBefore().toLocalDate());
        }
        // In an overlap ZonedDateTime.of takes the earlier offset (typically summer time): the first instant.
        return new When(ZonedDateTime.of(publishOnLocal, zone).toInstant(), zone.getId());
    }

    private static ZoneId zone(String timeZone, boolean required) {
        if (timeZone == null) {
            if (required) {
                throw new InvalidRequest("timeZone", "publishOnLocal needs an IANA timeZone such as Europe/Berlin");
            }
            return null;
        }
        // Region ids only: ZoneId.of would also take offsets such as "-1", which are not IANA zones.
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw new InvalidRequest("timeZone", "unknown time zone '" + (timeZone.length() > 64 ? timeZone.substring(0, 64) + "…" : timeZone)
                    + "' (use an IANA name such as Europe/Berlin)");
        }
        return ZoneId.of(timeZone);
    }
}
