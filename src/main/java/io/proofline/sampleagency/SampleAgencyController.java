package io.proofline.sampleagency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import io.proofline.web.LocalTimes;
import io.proofline.web.PublicAddress;

/**
 * The sample agency's pages: "Sign in with Proofline" sends an authorization request (PKCE, state, nonce and the
 * chosen level); the callback checks the state, exchanges the code with a private_key_jwt assertion, validates the
 * ID token (signature, issuer, audience, expiry, nonce), asks userinfo and shows what came back. What it received lives in its own session entry only.
 */
@Controller
@ConditionalOnProperty(name = "proofline.sharing.oidc.sample-agency", havingValue = "true")
class SampleAgencyController {

    private static final String REQUEST = SampleAgencyController.class.getName() + ".request";
    private static final String RECEIVED = SampleAgencyController.class.getName() + ".received";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the agency remembers of its request until the answer comes back. */
    record Pending(String state, String nonce, String codeVerifier, String level) implements java.io.Serializable {
    }

    /**
     * A claim as the page shows it: its lines of text, and for a moment ({@code verified_at}) its ISO instant and the
     * epoch seconds received, for a {@code <time>} element.
     */
    record Shown(List<String> lines, String datetime, String raw) {
    }

    private final SampleAgency agency;
    private final PublicAddress publicAddress;
    private final OkHttpClient http = new OkHttpClient();

    SampleAgencyController(SampleAgency agency, PublicAddress publicAddress) {
        this.agency = agency;
        this.publicAddress = publicAddress;
    }

    @GetMapping(SampleAgency.PATH)
    String home(@RequestParam(required = false) String error, HttpServletRequest request, Locale locale,
            Model model) {
        HttpSession session = request.getSession(false);
        Object received = session == null ? null : session.getAttribute(RECEIVED);
        model.addAttribute("received", received instanceof Map<?, ?> claims ? shown(claims, locale) : null);
        model.addAttribute("error", error);
        return "sample-agency/home";
    }

    @GetMapping(SampleAgency.PATH + "/start")
    String start(@RequestParam(defaultValue = "verified") String level, HttpServletRequest request) {
        boolean verified = !"auth-only".equals(level);
        Pending pending = new Pending(random(), random(), random() + random(), verified ? "verified" : "auth-only");
        request.getSession().setAttribute(REQUEST, pending);
        request.getSession().removeAttribute(RECEIVED);
        String scopes = verified ? String.join(" ", SampleAgency.SCOPES) : "openid email";
        return "redirect:" + UriComponentsBuilder.fromPath("/oauth2/authorize")
                .queryParam("response_type", "code").queryParam("client_id", SampleAgency.CLIENT_ID)
                .queryParam("redirect_uri", agency.redirectUri()).queryParam("scope", scopes)
                .queryParam("acr_values", "urn:acr.login.gov:" + pending.level())
                .queryParam("state", pending.state()).queryParam("nonce", pending.nonce())
                .queryParam("code_challenge", challenge(pending.codeVerifier()))
                .queryParam("code_challenge_method", "S256")
                .encode().build().toUriString();
    }

    @GetMapping(SampleAgency.CALLBACK)
    String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
            @RequestParam(required = false) String error, HttpServletRequest request) throws IOException {
        HttpSession session = request.getSession();
        Object waiting = session.getAttribute(REQUEST);
        session.removeAttribute(REQUEST);
        if (!(waiting instanceof Pending pending) || state == null || !state.equals(pending.state())) {
            return "redirect:" + SampleAgency.PATH + "?error=state";
        }
        if (error != null || code == null) {
            return "redirect:" + SampleAgency.PATH + "?error=" + (error == null ? "no_code" : error.replaceAll("[^a-z_]", ""));
        }
        String tokenEndpoint = publicAddress.of("/oauth2/token");
        Map<?, ?> tokens = post(tokenEndpoint, new FormBody.Builder().add("grant_type", "authorization_code")
                .add("code", code).add("redirect_uri", agency.redirectUri())
                .add("code_verifier", pending.codeVerifier()).add("client_id", SampleAgency.CLIENT_ID)
                .add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .add("client_assertion", assertion(tokenEndpoint)).build());
        if (tokens == null || tokens.get("id_token") == null) {
            return "redirect:" + SampleAgency.PATH + "?error=token";
        }
        Map<String, Object> idToken;
        try {
            idToken = validated((String) tokens.get("id_token"), pending);
        } catch (java.text.ParseException | BadJOSEException | JOSEException | IOException | RuntimeException e) {
            return "redirect:" + SampleAgency.PATH + "?error=id_token";
        }
        Map<?, ?> userInfo = get(publicAddress.of("/userinfo"), (String) tokens.get("access_token"));
        Map<String, Object> received = new LinkedHashMap<>();
        received.put("acr", String.valueOf(idToken.get("acr")));
        received.put("sub", String.valueOf(idToken.get("sub")));
        if (userInfo != null) {
            userInfo.forEach((name, value) -> received.put(String.valueOf(name), value)); // JSON's own values
        }
        session.setAttribute(RECEIVED, received);
        return "redirect:" + SampleAgency.PATH;
    }

    /**
     * The ID token, as every agency must check it: its signature against the provider's published keys (from
     * discovery), the issuer discovery names, our client id as its audience, not expired, and our nonce.
     */
    private Map<String, Object> validated(String idToken, Pending pending)
            throws IOException, java.text.ParseException, BadJOSEException, JOSEException {
        Map<?, ?> discovery = get(publicAddress.of("/.well-known/openid-configuration"), null);
        if (discovery == null || discovery.get("jwks_uri") == null || discovery.get("issuer") == null) {
            throw new IOException("no discovery document");
        }
        Map<?, ?> keys = get(String.valueOf(discovery.get("jwks_uri")), null);
        if (keys == null) {
            throw new IOException("no JWKS");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(JSON.writeValueAsString(keys)))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(SampleAgency.CLIENT_ID,
                new JWTClaimsSet.Builder().issuer(String.valueOf(discovery.get("issuer")))
                        .claim("nonce", pending.nonce()).build(),
                Set.of("sub", "exp", "iat")));
        return processor.process(idToken, null).getClaims();
    }

    /**
     * The claims received, as the page shows them: the {@code address} object by its {@code formatted} text, a line
     * each; {@code verified_at} (epoch seconds) as a date and time in the page's language; anything else as text.
     */
    static Map<String, Shown> shown(Map<?, ?> received, Locale locale) {
        Map<String, Shown> shown = new LinkedHashMap<>();
        received.forEach((name, value) -> {
            Shown line = new Shown(List.of(String.valueOf(value)), null, null);
            if ("address".equals(name) && value instanceof Map<?, ?> address && address.get("formatted") != null) {
                line = new Shown(List.of(String.valueOf(address.get("formatted")).split("\\R")), null, null);
            } else if ("verified_at".equals(name) && value instanceof Number seconds) {
                Instant at = Instant.ofEpochSecond(seconds.longValue());
                line = new Shown(List.of(LocalTimes.dateAndTime(at, locale)), at.toString(), String.valueOf(value));
            }
            shown.put(String.valueOf(name), line);
        });
        return shown;
    }

    private String assertion(String tokenEndpoint) {
        try {
            Instant now = Instant.now();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(agency.key().getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(SampleAgency.CLIENT_ID).subject(SampleAgency.CLIENT_ID)
                            .audience(tokenEndpoint).jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(300))).build());
            jwt.sign(new RSASSASigner(agency.key()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("The sample agency cannot sign", e);
        }
    }

    private Map<?, ?> post(String url, FormBody form) throws IOException {
        try (Response response = http.newCall(new Request.Builder().url(url).post(form).build()).execute()) {
            return response.isSuccessful() && response.body() != null ? JSON.readValue(response.body().string(), Map.class)
                    : null;
        }
    }

    /** GET, with the access token when there is one. */
    private Map<?, ?> get(String url, String accessToken) throws IOException {
        Request.Builder asked = new Request.Builder().url(url);
        if (accessToken != null) {
            asked.header("Authorization", "Bearer " + accessToken);
        }
        try (Response response = http.newCall(asked.build()).execute()) {
            return response.isSuccessful() && response.body() != null ? JSON.readValue(response.body().string(), Map.class)
                    : null;
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
