package io.proofline.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Moments shown to a person (a lockout's end, a deadline), written the way their language writes them. */
public final class LocalTimes {

    /** UTC, named on the page, so the time reads the same on every device whatever its clock's zone. */
    private static final ZoneId SHOWN_ZONE = ZoneId.of("UTC");

    private LocalTimes() {
    }

    public static String dateAndTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(locale).withZone(SHOWN_ZONE)
                .format(instant);
    }
}
