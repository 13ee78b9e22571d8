package dev.ore.publisher.platform.control;

import java.util.regex.Pattern;

/**
 * Turns a platform's error text into something safe to store, show and log. Outcome messages end
 * up in the audit trail and the admin page, so they carry the platform's own words only, on one
 * line, at most {@value #MAX_LENGTH} characters, and with anything that looks like a credential
 * blanked out: Meta, for one, quotes a malformed access token back in its error message.
 */
public final class PlatformMessage {

    public static final int MAX_LENGTH = 300;

    static final String REDACTED = "[redacted]";

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cntrl}\\s]+");
    private static final String TOKEN_CHARACTER = "[A-Za-z0-9._~=-]";
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)\\b(?:bearer|oauth)\\s+\\S+"
                    + "|\\b(?:access_token|refresh_token|token|code)=[^\\s&\"']+"
                    // A long run of token characters holding both letters and digits: an access
                    // token, but not a post id (digits and underscores only), a URN (colons) or a
                    // URL path (slashes).
                    + "|(?<!" + TOKEN_CHARACTER + ")(?=" + TOKEN_CHARACTER + "*[A-Za-z])(?=" + TOKEN_CHARACTER
                    + "*[0-9])" + TOKEN_CHARACTER + "{32,}");

    private PlatformMessage() {
    }

    /** The sanitised platform text, or {@code fallback} when the platform sent none. */
    public static String sanitise(String platformText, String fallback) {
        if (platformText == null || platformText.isBlank()) {
            return fallback;
        }
        String oneLine = CONTROL_CHARACTERS.matcher(platformText).replaceAll(" ").trim();
        String redacted = CREDENTIAL.matcher(oneLine).replaceAll(REDACTED);
        return shorten(redacted);
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = MAX_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
