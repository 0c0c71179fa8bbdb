package io.proofline.system;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps the consoles apart from the public site. Cockpit ({@code /camunda}), actuator and the staff's pages
 * ({@code /analytics}) are served only on the {@link ManagementPort}, and nothing else is served there but USWDS's
 * static files. The engine's REST API is not in the service at
 * all, and Camunda's "create the first administrator" setup is never served (the staff accounts come from
 * configuration). A console path is recognised however it is spelled (case, {@code ;} parameters, percent
 * escapes, doubled slashes), and on the management port only its plain spelling is served, so no spelling
 * reaches Camunda's own path rules in a form they do not expect.
 */
class ManagementPortFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ManagementPortFilter.class);

    /** What a plain path never holds: path parameters, doubled or back slashes, escaped separators or dots. */
    private static final Pattern UNUSUAL = Pattern.compile("(?i).*(;|//|\\\\|%2f|%5c|%2e|%3b|%25|/\\.\\.?(/|$)).*");
    private static final Pattern SETUP_PATHS = Pattern.compile("/camunda/(api/admin/setup|app/admin/[^/]+/setup)(/.*)?");

    enum Area {
        CONSOLE, ACTUATOR, ENGINE_REST, SETUP, STAFF_PAGES, ASSETS, SITE;

        static Area of(String normalizedPath) {
            if (SETUP_PATHS.matcher(normalizedPath).matches()) {
                return SETUP;
            }
            if (under(normalizedPath, "/engine-rest")) {
                return ENGINE_REST;
            }
            if (under(normalizedPath, "/camunda")) {
                return CONSOLE;
            }
            if (under(normalizedPath, StaffSignIn.AREA)) {
                return STAFF_PAGES;
            }
            if (under(normalizedPath, "/uswds")) {
                return ASSETS;
            }
            return under(normalizedPath, "/actuator") ? ACTUATOR : SITE;
        }

        private static boolean under(String path, String prefix) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private final ManagementPort port;

    ManagementPortFilter(ManagementPort port) {
        this.port = port;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        Area area = Area.of(normalize(raw));
        boolean onManagementPort = request.getLocalPort() == port.localPort();
        boolean served = switch (area) {
            case ENGINE_REST, SETUP -> false;
            case CONSOLE, ACTUATOR, STAFF_PAGES -> onManagementPort && isPlain(raw);
            // USWDS's files, for the staff's pages as for the people's: read-only and the same on both ports.
            case ASSETS -> !onManagementPort || isPlain(raw) && ("GET".equals(request.getMethod())
                    || "HEAD".equals(request.getMethod()));
            case SITE -> !onManagementPort;
        };
        if (!served) {
            if (area != Area.SITE) {
                log.warn("Refused {} {} on port {}: {} is not served there", request.getMethod(), printable(raw),
                        request.getLocalPort(), area);
            }
            if (onManagementPort && area == Area.SITE && "/".equals(raw)) {
                response.sendRedirect(request.getContextPath() + "/camunda/app/cockpit/");
                return;
            }
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Plain: no unusual character, and the console's prefix written out as Camunda maps it (lower case, no escape:
     * {@code /%63amunda/...} reached Camunda's servlet, which failed on it).
     */
    private static boolean isPlain(String raw) {
        if (UNUSUAL.matcher(raw).matches()) {
            return false;
        }
        return raw.equals("/camunda") || raw.startsWith("/camunda/") || raw.equals("/actuator")
                || raw.startsWith("/actuator/") || raw.equals(StaffSignIn.AREA) || raw.startsWith(StaffSignIn.AREA + "/")
                || raw.startsWith("/uswds/");
    }

    /** The path as a lenient server might map it: escapes decoded, parameters and doubled slashes gone, lower case. */
    static String normalize(String raw) {
        String path = raw;
        for (int i = 0; i < 3 && path.contains("%"); i++) {
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                break;
            }
        }
        path = path.replace('\\', '/').replaceAll(";[^/]*", "").replaceAll("/{2,}", "/");
        while (path.contains("/./")) {
            path = path.replace("/./", "/");
        }
        if (path.length() > 1 && path.endsWith("/.")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.toLowerCase(Locale.ROOT);
    }

    private static String printable(String raw) {
        String cut = raw.length() > 200 ? raw.substring(0, 200) + "…" : raw;
        return cut.replaceAll("[^\\x21-\\x7e]", "?");
    }
}
