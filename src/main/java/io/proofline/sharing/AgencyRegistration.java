package io.proofline.sharing;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * What an operator sends to register or change an agency, checked before anything is stored: every problem is named
 * at once, so a registration is fixed in one go.
 *
 * @param kind   {@code web} or {@code native}
 * @param levels {@code auth-only} and/or {@code verified}
 * @param jwks   the agency's public keys as a JWKS document (web applications, unless {@code jwksUri})
 */
public record AgencyRegistration(String clientId, String displayName, String kind, List<String> redirectUris,
        List<String> postLogoutRedirectUris, List<String> scopes, List<String> levels, String jwks, String jwksUri) {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9:._-]{3,128}");
    static final int MIN_RSA_BITS = 2048;

    /** A registration that is not acceptable, with each of its problems. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        Refused(List<String> problems) {
            super("The agency's registration is refused: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    Agency checked(java.time.Instant now) {
        List<String> problems = new ArrayList<>();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            problems.add("clientId: 3 to 128 of A-Z a-z 0-9 : . _ -");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            problems.add("displayName: the name people see, 1 to 200 characters");
        }
        Agency.Kind parsedKind = null;
        try {
            parsedKind = Agency.Kind.valueOf(String.valueOf(kind).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.add("kind: web (private_key_jwt) or native (PKCE)");
        }
        List<String> redirects = redirectUris == null ? List.of() : redirectUris;
        if (redirects.isEmpty()) {
            problems.add("redirectUris: at least one");
        }
        for (String uri : redirects) {
            checkRedirect("redirectUris", uri, parsedKind, problems);
        }
        List<String> logouts = postLogoutRedirectUris == null ? List.of() : postLogoutRedirectUris;
        for (String uri : logouts) {
            checkRedirect("postLogoutRedirectUris", uri, parsedKind, problems);
        }
        Set<String> parsedScopes = new LinkedHashSet<>(scopes == null ? List.of() : scopes);
        parsedScopes.add(AgencyScope.OPENID.value());
        for (String scope : parsedScopes) {
            if (AgencyScope.of(scope).isEmpty()) {
                problems.add("scopes: unknown scope " + scope);
            }
        }
        Set<AgencyLevel> parsedLevels = new LinkedHashSet<>();
        for (String level : levels == null ? List.<String>of() : levels) {
            AgencyLevel.ofConfigName(level).ifPresentOrElse(parsedLevels::add,
                    () -> problems.add("levels: auth-only or verified, not " + level));
        }
        if (parsedLevels.isEmpty()) {
            problems.add("levels: at least one of auth-only, verified");
        }
        if (!parsedLevels.contains(AgencyLevel.VERIFIED) && parsedScopes.stream().map(AgencyScope::of)
                .anyMatch(scope -> scope.isPresent() && scope.get().verified())) {
            problems.add("scopes: verified attributes need the level verified");
        }
        String keys = blankToNull(jwks);
        String keysUri = blankToNull(jwksUri);
        if (parsedKind == Agency.Kind.WEB) {
            if ((keys == null) == (keysUri == null)) {
                problems.add("jwks or jwks_uri: exactly one, the agency's public keys for private_key_jwt");
            }
            if (keys != null) {
                checkKeys(keys, problems);
            }
            if (keysUri != null && !isHttps(keysUri)) {
                problems.add("jwksUri: https (http only for localhost)");
            }
        } else if (parsedKind == Agency.Kind.NATIVE && (keys != null || keysUri != null)) {
            problems.add("jwks: a native application holds no key of its own (PKCE)");
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return new Agency(clientId, displayName.strip(), parsedKind, redirects, logouts, parsedScopes, parsedLevels,
                keys, keysUri, now);
    }

    private static void checkRedirect(String field, String uri, Agency.Kind kind, List<String> problems) {
        try {
            URI parsed = new URI(uri);
            if (parsed.getFragment() != null || parsed.getScheme() == null) {
                problems.add(field + ": an absolute URI without a fragment: " + uri);
            } else if (kind == Agency.Kind.WEB && !isHttps(uri)) {
                problems.add(field + ": https (http only for localhost): " + uri);
            }
        } catch (URISyntaxException | NullPointerException e) {
            problems.add(field + ": not a URI: " + uri);
        }
    }

    static boolean isHttps(String uri) {
        try {
            URI parsed = new URI(uri);
            String host = parsed.getHost();
            return "https".equals(parsed.getScheme()) || ("http".equals(parsed.getScheme())
                    && ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host)));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Public RSA keys of at least 2048 bits, for RS256 signatures. */
    static void checkKeys(String jwks, List<String> problems) {
        try {
            JWKSet set = JWKSet.parse(jwks);
            if (set.getKeys().isEmpty()) {
                problems.add("jwks: no key");
            }
            for (JWK key : set.getKeys()) {
                if (!(key instanceof RSAKey rsa)) {
                    problems.add("jwks: RSA keys only (RS256), not " + key.getKeyType());
                    continue;
                }
                if (rsa.isPrivate()) {
                    problems.add("jwks: a private key; send the public part only");
                }
                BigInteger modulus = rsa.getModulus().decodeToBigInteger();
                if (modulus.bitLength() < MIN_RSA_BITS) {
                    problems.add("jwks: keys of at least " + MIN_RSA_BITS + " bits, not " + modulus.bitLength());
                }
            }
        } catch (ParseException e) {
            problems.add("jwks: not a JWKS document");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
