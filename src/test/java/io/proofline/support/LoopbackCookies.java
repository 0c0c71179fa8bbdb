package io.proofline.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * A cookie store for plain-HTTP tests against this machine. The session cookie is Secure in the postgres profile;
 * browsers send such cookies to http://localhost and http://127.0.0.1 (secure contexts), Java's cookie manager only
 * over https: this treats loopback as a browser does, and every other host as Java does.
 */
public final class LoopbackCookies extends CookieHandler {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final CookieManager cookies;

    public LoopbackCookies(CookieManager cookies) {
        this.cookies = cookies;
    }

    public LoopbackCookies() {
        this(new CookieManager());
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
        return cookies.get(asSecure(uri), headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
        cookies.put(asSecure(uri), headers);
    }

    private static URI asSecure(URI uri) {
        if (!LOOPBACK.contains(uri.getHost())) {
            return uri;
        }
        try {
            return new URI("https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
