package dev.ore.publisher.platform.linkedin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes commentary for LinkedIn's "little" text format. LinkedIn answers 201 for unescaped
 * reserved characters but silently cuts the post at the first one (platforms.md §2.1), so every
 * reserved character is escaped. The backslash is in the same character class as the others, so
 * one pass escapes it exactly once and never re-escapes an escape it added.
 */
public final class LittleText {

    private static final Pattern RESERVED = Pattern.compile("[\\\\|{}@\\[\\]()<>#*_~]");

    private LittleText() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        return RESERVED.matcher(text).replaceAll(match -> Matcher.quoteReplacement("\\" + match.group()));
    }
}
