package io.proofline.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.proofline.support.LoopbackCookies;

/**
 * What a browser does with Cockpit's own API, over plain HTTP: the anti-forgery token from Cockpit's cookie, a
 * sign-in that starts a session, then calls under it. Anonymous until {@link #signIn}.
 */
final class CockpitClient {

    private final String base;
    private final String engine;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String xsrfToken;

    CockpitClient(String managementBase, String engine) {
        this.base = managementBase;
        this.engine = engine;
        this.http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies(cookies))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }


    /** The engine's API as Cockpit calls it: {@code /camunda/api/engine/engine/{engine}/...}. */
    String api(String path) {
        return base + "/camunda/api/engine/engine/" + engine + path;
    }

    /** Signs in as Cockpit's login page does; the new session's anti-forgery token comes with its first read. */
    int signIn(String username, String password) throws IOException, InterruptedException {
        openTheSignInPage();
        int status = submitSignIn(username, password);
        get(base + "/camunda/api/admin/auth/user/" + engine);
        return status;
    }

    /** Cockpit's page, which hands out the anti-forgery token its sign-in needs. */
    void openTheSignInPage() throws IOException, InterruptedException {
        get(base + "/camunda/app/cockpit/" + engine + "/");
    }

    /** The sign-in form's post alone (after {@link #openTheSignInPage}): its status. */
    int submitSignIn(String username, String password) throws IOException, InterruptedException {
        return send("POST", base + "/camunda/api/admin/auth/user/" + engine + "/login/cockpit",
                "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)).statusCode();
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return remembered(http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> send(String method, String url, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (xsrfToken != null) {
            request.header("X-XSRF-TOKEN", xsrfToken);
        }
        return remembered(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> sendJson(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, api(path), "application/json", json);
    }

    /** A model sent as Cockpit's deployment form would send it. */
    HttpResponse<String> deploy(String fileName, String bpmn) throws IOException, InterruptedException {
        String boundary = "----proofline" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nplanted\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        return send("POST", api("/deployment/create"), "multipart/form-data; boundary=" + boundary, body);
    }

    /** Cockpit issues an anti-forgery token with each new session: the newest one sent is the one. */
    private HttpResponse<String> remembered(HttpResponse<String> response) {
        response.headers().allValues("Set-Cookie").stream().flatMap(header -> HttpCookie.parse(header).stream())
                .filter(cookie -> "XSRF-TOKEN".equals(cookie.getName())).reduce((first, newest) -> newest)
                .ifPresent(cookie -> xsrfToken = cookie.getValue());
        return response;
    }
}
