package io.proofline.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/** The languages every page is offered in. A string missing in one of them is a bug, not a fallback. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale FRENCH = Locale.FRENCH;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, FRENCH);

    private Languages() {
    }

    /** The supported language of this locale ({@code fr-CA} is French), or null when there is none. */
    static Locale supportedOrNull(Locale locale) {
        if (locale == null) {
            return null;
        }
        return SUPPORTED.stream()
                .filter(supported -> supported.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(null);
    }

    /** The first supported language the browser asks for (Accept-Language), else English. */
    static Locale bestMatch(Enumeration<Locale> preferred) {
        for (Locale locale : Collections.list(preferred)) {
            Locale supported = supportedOrNull(locale);
            if (supported != null) {
                return supported;
            }
        }
        return ENGLISH;
    }
}
