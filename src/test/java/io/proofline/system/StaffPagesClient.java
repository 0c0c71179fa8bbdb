package io.proofline.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member's browser at the management port's own pages ({@code /analytics}), over plain HTTP: the cookies it
 * was given, the form token read from each page, no redirect followed.
 */
final class StaffPagesClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, String> cookies = new LinkedHashMap<>();

    StaffPagesClient(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return remember(http.send(request(base + path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Signs in with the sign-in page's own form token; the answer (302 to /analytics, to ?error, or 429). */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        String token = token(get("/analytics/sign-in").body());
        return post("/analytics/sign-in", "username=" + encode(username) + "&password=" + encode(password)
                + "&_csrf=" + encode(token));
    }

    HttpResponse<String> signOut() throws IOException, InterruptedException {
        String token = token(get("/analytics").body());
        return post("/analytics/sign-out", "_csrf=" + encode(token));
    }

    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return remember(http.send(request(base + path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** What this browser would send to any URL of the host (browsers send a host's cookies to all its ports). */
    String cookieHeader() {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookieHeader());
        }
        return builder;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String value = pair.substring(equals + 1);
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                cookies.remove(pair.substring(0, equals));
            } else {
                cookies.put(pair.substring(0, equals), value);
            }
        }
        return response;
    }

    static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no form token on the page: " + page);
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
