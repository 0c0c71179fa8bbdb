package io.proofline.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The language a person chose with the switch ({@code ?lang=fr}), kept in a cookie; before any choice,
 * the browser's preference. Only supported languages are accepted, so a page never claims
 * {@code lang="de"} while showing English.
 */
final class LanguageCookieLocaleResolver extends CookieLocaleResolver {

    static final String COOKIE_NAME = "proofline-lang";

    LanguageCookieLocaleResolver() {
        super(COOKIE_NAME);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setCookieSameSite("Lax");
        setDefaultLocaleFunction(request -> Languages.bestMatch(request.getLocales()));
    }

    @Override
    protected Locale parseLocaleValue(String localeValue) {
        return Languages.supportedOrNull(super.parseLocaleValue(localeValue));
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
            LocaleContext localeContext) {
        Locale requested = localeContext == null ? null : localeContext.getLocale();
        Locale supported = Languages.supportedOrNull(requested);
        if (requested != null && supported == null) {
            return; // an unknown ?lang= keeps the current language
        }
        if (request.getDispatcherType() == DispatcherType.ERROR && supported != null
                && supported.equals(request.getAttribute(LOCALE_REQUEST_ATTRIBUTE_NAME))) {
            return; // the error page of a request that already switched: one cookie is enough
        }
        super.setLocaleContext(request, response, supported == null ? null : new SimpleLocaleContext(supported));
    }
}
