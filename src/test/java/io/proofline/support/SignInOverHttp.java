package io.proofline.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser reduced to what the sign-in needs over plain HTTP: the session cookie, and the form token the
 * sign-in page carries. Cookies are kept by hand (name=value), as a test must see each Set-Cookie.
 */
public final class SignInOverHttp {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public SignInOverHttp(String base) {
        this.base = base;
    }

    /** A page's session cookie and the form token of its form. */
    public record Page(HttpResponse<String> response, String sessionCookie, String formToken) {
    }

    /** GET a page, with the session cookie if any; the cookie that comes back (or the one sent) and the form token. */
    public Page get(String path, String sessionCookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html");
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = FORM_TOKEN.matcher(response.body());
        return new Page(response, sessionCookie(response).orElse(sessionCookie), token.find() ? token.group(1) : null);
    }

    /** POST a form with the given cookie and fields (the form token among them, if the test wants it sent). */
    public HttpResponse<String> post(String path, String sessionCookie, String... fields)
            throws IOException, InterruptedException {
        return postFrom(null, path, sessionCookie, fields);
    }

    /**
     * The same, as from another client address: sent as X-Forwarded-For, which the service trusts from loopback as
     * from a proxy in front of it (null: this machine's own address).
     */
    public HttpResponse<String> postFrom(String client, String path, String sessionCookie, String... fields)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        if (client != null) {
            request.header("X-Forwarded-For", client);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Backup codes this browser was shown, per email, for the second step of its next sign-ins. */
    private static final Map<String, Deque<String>> BACKUP_CODES = new ConcurrentHashMap<>();
    private static final Pattern BACKUP_CODE = Pattern.compile("<li>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</li>");

    /**
     * Signs in through the pages, both steps: the password, then a backup code (an account without a second method
     * adds backup codes first, as the page asks); the signed-in session's cookie (name=value).
     */
    public String signIn(String email, String password) throws IOException, InterruptedException {
        Page signInPage = get("/sign-in", null);
        HttpResponse<String> signedIn = post("/sign-in", signInPage.sessionCookie(), "_csrf", signInPage.formToken(),
                "email", email, "password", password);
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("sign-in answered " + signedIn.statusCode());
        }
        String session = sessionCookie(signedIn).orElseThrow();
        String next = signedIn.headers().firstValue("Location").orElseThrow();
        if (next.endsWith("/second-factor/new")) {
            addBackupCodes(email, session);
        } else if (next.endsWith("/sign-in/second-factor")) {
            Page step = get("/sign-in/second-factor", session);
            String code = BACKUP_CODES.getOrDefault(email, new ArrayDeque<>()).poll();
            if (code == null) {
                throw new IllegalStateException("no backup code left for " + email);
            }
            HttpResponse<String> answered = post("/sign-in/second-factor", session, "_csrf", step.formToken(), "code", code);
            if (answered.statusCode() != 302) {
                throw new IllegalStateException("the second step answered " + answered.statusCode());
            }
        }
        return session;
    }

    /** Adds backup codes to the signed-in (halfway) session's account, as its first second method; the codes. */
    public List<String> addBackupCodes(String email, String session) throws IOException, InterruptedException {
        Page add = get("/second-factor/new", session);
        HttpResponse<String> shown = post("/second-factor/new", session, "_csrf", add.formToken(), "kind", "BACKUP_CODES");
        List<String> codes = BACKUP_CODE.matcher(shown.body()).results().map(found -> found.group(1)).toList();
        if (codes.isEmpty()) {
            throw new IllegalStateException("no backup codes shown (" + shown.statusCode() + ")");
        }
        BACKUP_CODES.put(email, new ArrayDeque<>(codes));
        return codes;
    }

    /** The session cookie a response sets (name=value), if it sets one. */
    public static Optional<String> sessionCookie(HttpResponse<?> response) {
        return setCookies(response).stream().filter(cookie -> cookie.contains("proofline-session="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                .filter(cookie -> !cookie.endsWith("=")).findFirst();
    }

    public static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }
}
