package io.proofline.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Moments shown to a person (a lockout's end, a deadline), written the way their language writes them. The server
 * writes UTC, named; with JavaScript, {@code /js/local-times.js} (loaded by the pages that show one) rewrites a
 * {@link Moment} in the browser's own time zone, named too.
 */
public final class LocalTimes {

    /** UTC, named on the page, so the time reads the same on every device whatever its clock's zone. */
    private static final ZoneId SHOWN_ZONE = ZoneId.of("UTC");

    private LocalTimes() {
    }

    /**
     * A moment as the page shows it: {@code text} in UTC (what a message's argument prints), {@code iso} for the
     * page's script ({@code th:data-local-time="${m.iso}" th:data-utc-text="${m.text}"} on the element).
     */
    public record Moment(String text, String iso) {
        @Override
        public String toString() {
            return text;
        }
    }

    public static Moment moment(Instant instant, Locale locale) {
        return new Moment(dateAndTime(instant, locale), instant.toString());
    }

    public static String dateAndTime(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(locale).withZone(SHOWN_ZONE)
                .format(instant);
    }
}
