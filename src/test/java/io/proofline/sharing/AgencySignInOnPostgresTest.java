package io.proofline.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import io.micrometer.core.instrument.MeterRegistry;
import io.proofline.support.DatabaseScan;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.support.WizardOverHttp;
import io.proofline.vendors.VendorStubServer;

/**
 * A partner agency signs a person in through our OpenID Connect provider, driven by Nimbus's OAuth 2.0 / OpenID
 * Connect SDK (a client we did not write): discovery, an authorization request with PKCE and a verified level, the
 * person's sign-in, proofing and consent, the code exchanged with a private_key_jwt assertion, the ID token checked
 * against our JWKS, and userinfo.
 */
@TestPropertySource(properties = "proofline.vendor-stubs.request-journal=true")
@ExtendWith(OutputCaptureExtension.class)
class AgencySignInOnPostgresTest extends PostgresIntegrationTest {

    static final String VERIFIED = "urn:acr.login.gov:verified";
    static final String AUTH_ONLY = "urn:acr.login.gov:auth-only";
    static final List<String> VERIFIED_SCOPES = List.of("openid", "email", "profile:name", "profile:birthdate",
            "address", "phone", "social_security_number");
    private static final Pattern CONTINUE = Pattern.compile("id=\"continue\" href=\"([^\"]+)\"");

    @Autowired Agencies agencies;
    @Autowired Accounts accounts;
    @Autowired AgencyConsents consents;
    @Autowired SharingEvents events;
    @Autowired AgencyAuthorizations authorizations;
    @Autowired JdbcClient jdbc;
    @Autowired StringRedisTemplate redis;
    @Autowired MeterRegistry meters;
    @Value("${proofline.sharing.oidc.access-token-lifetime}") Duration accessTokenLifetime;
    @Autowired VendorStubServer stubs;
    @LocalServerPort int port;

    String base;
    OIDCProviderMetadata provider;

    /** An agency of this test: its client id, key and redirect URI. */
    record TestAgency(ClientID id, RSAKey key, URI redirect) {
    }

    @BeforeEach
    void discover() throws Exception {
        base = "http://localhost:" + port;
        provider = OIDCProviderMetadata.resolve(new Issuer(base));
    }

    @Test
    void anAgencyAskingForAVerifiedIdentityReceivesExactlyTheConsentedClaimsOnceThePersonIsProofed(
            CapturedOutput output) throws Exception {
        TestAgency agency = register("Benefits Portal", VERIFIED_SCOPES, List.of("auth-only", "verified"));
        assertThat(provider.getTokenEndpointAuthMethods()).extracting(Object::toString)
                .containsExactlyInAnyOrder("private_key_jwt", "none");
        assertThat(provider.getACRs()).extracting(ACR::getValue).contains(VERIFIED, AUTH_ONLY,
                "http://idmanagement.gov/ns/assurance/ial/2");

        String email = "agency-" + UUID.randomUUID() + "@example.gov";
        String account = accounts.signUp(email, WizardOverHttp.PASSWORD).toString();
        WizardOverHttp person = WizardOverHttp.at(base);
        Request request = request(agency, VERIFIED_SCOPES, VERIFIED);

        person.get(pathOf(request.uri()));
        assertThat(person.status()).isEqualTo(302);
        assertThat(person.location()).as("signed out: sign in first").endsWith("/sign-in");
        person.signIn(email);
        continueToTheAgency(person);
        assertThat(person.location()).as(() -> "not verified: proofing first, got " + person.status() + " "
                + person.heading() + " " + person.page().substring(0, Math.min(300, person.page().length())))
                .endsWith("/verify");

        Proofed proofed = proofToTheLastStep(person);
        String ssn = proofed.ssn();
        String phone = proofed.phone();
        person.showCurrent("ConsentToShare");
        assertThat(person.page()).as("the journey's end asks for the agency that sent the person, with the values")
                .contains("Benefits Portal", "Larkspur", "59715", ssn.substring(7))
                .as("the SSN masked, revealed on demand").contains("•••-••-" + ssn.substring(7))
                .as("the address keeps its lines").contains("12 Larkspur Way<br />");
        person.step("ConsentToShare", Map.of("answer", "agree"));
        person.showCurrent("done");
        assertThat(person.page()).as("the done page leads back to the agency").contains("id=\"continue-to-agency\"");
        assertThat(consents.standing(new AccountId(UUID.fromString(account)), agency.id().getValue()))
                .as("the consent recorded at the journey's end").containsExactlyInAnyOrderElementsOf(VERIFIED_SCOPES);

        continueToTheAgency(person);
        AuthorizationCode code = codeFrom(person, request); // agreed already: no consent page on the way back

        OIDCTokenResponse tokens = exchange(agency, code, request.verifier());
        IDTokenClaimsSet idToken = new IDTokenValidator(new Issuer(base), agency.id(), JWSAlgorithm.RS256,
                new URL(provider.getJWKSetURI().toString())).validate(tokens.getOIDCTokens().getIDToken(),
                        request.nonce());
        assertThat(idToken.getIssuer().getValue()).isEqualTo(base);
        assertThat(idToken.getAudience()).extracting(Object::toString).containsExactly(agency.id().getValue());
        assertThat(idToken.getACR().getValue()).isEqualTo(VERIFIED);
        assertThat(idToken.getExpirationTime()).isInTheFuture();
        assertThat(idToken.getSubject().getValue()).as("pairwise, never the account")
                .isNotEqualTo(account);

        Map<String, Object> userInfo = userInfo(tokens.getOIDCTokens().getBearerAccessToken());
        assertThat(userInfo.keySet()).containsExactlyInAnyOrder("sub", "email", "email_verified", "given_name",
                "family_name", "birthdate", "address", "phone", "phone_verified", "social_security_number");
        assertThat(userInfo.get("sub")).isEqualTo(idToken.getSubject().getValue());
        assertThat(userInfo.get("email")).isEqualTo(email);
        assertThat(userInfo.get("social_security_number")).isEqualTo(ssn);
        assertThat(userInfo.get("phone")).isEqualTo("+1" + phone);
        assertThat(((Map<?, ?>) userInfo.get("address")).get("postal_code")).isEqualTo("59715");
        assertThat(((Map<?, ?>) userInfo.get("address")).get("street_address")).isEqualTo("12 Larkspur Way");

        // What this authorization released lives sealed in the vault, no longer than the access token.
        String accessToken = tokens.getOIDCTokens().getAccessToken().getValue();
        String authorizationId = authorizations.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN).getId();
        // (under this context's vault prefix: the authorization's id is unique)
        Set<String> releaseKeys = redis.keys("*held:agency_release:" + authorizationId);
        assertThat(releaseKeys).as("the release in the vault").hasSize(1);
        String releaseKey = releaseKeys.iterator().next();
        assertThat(redis.getExpire(releaseKey)).as("the release's time to live, in seconds").isPositive()
                .isLessThanOrEqualTo(accessTokenLifetime.toSeconds());
        assertThat(redis.opsForValue().get(releaseKey)).as("sealed").doesNotContain(ssn, email, "Larkspur");

        TokenResponse replayed = TokenResponse.parse(tokenRequest(agency, code, request.verifier()).toHTTPRequest()
                .send());
        assertThat(replayed.indicatesSuccess()).as("a replayed code").isFalse();
        assertThat(((TokenErrorResponse) replayed).getErrorObject().getCode()).isEqualTo("invalid_grant");
        HTTPResponse afterReplay = new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send();
        assertThat(afterReplay.getStatusCode()).as("the replayed code's tokens are revoked").isEqualTo(401);
        assertThat(redis.hasKey(releaseKey)).as("revoked: the release is gone from the vault").isFalse();

        List<String> secrets = List.of(email, ssn, ssn.replace("-", ""), phone, "+1" + phone, "Larkspur",
                (String) userInfo.get("given_name"), (String) userInfo.get("family_name"),
                (String) userInfo.get("birthdate"), code.getValue(), accessToken,
                tokens.getOIDCTokens().getIDTokenString());
        DatabaseScan tables = new DatabaseScan(jdbc);
        assertThat(tables.columnsHolding("Benefits Portal")).as("the scan finds what is there")
                .contains("agency.display_name");
        for (String secret : secrets) {
            assertThat(tables.columnsHolding(secret)).as("columns holding a released value or token").isEmpty();
            assertThat(output.getAll()).as("captured logs").doesNotContain(secret);
            meters.getMeters().forEach(meter -> assertThat(meter.getId().toString()).as("metric ids and tags")
                    .doesNotContain(secret));
        }
    }

    @Test
    void decliningSharesNothingAndTheAgencyReceivesAccessDenied() throws Exception {
        TestAgency agency = register("Tax Office", VERIFIED_SCOPES, List.of("verified"));
        Person someone = verifiedPerson();
        Request request = request(agency, VERIFIED_SCOPES, VERIFIED);
        WizardOverHttp browser = signedInForTheAgency(someone, request);
        assertThat(browser.location()).contains("/connect/consent");
        browser.get(pathOf(URI.create(browser.location())));
        decline(browser);

        AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(browser.location()));
        assertThat(answer.indicatesSuccess()).isFalse();
        assertThat(((AuthorizationErrorResponse) answer).getErrorObject().getCode()).isEqualTo("access_denied");
        assertThat(answer.getState()).isEqualTo(request.state());
        assertThat(events.of(someone.account())).extracting(SharingEvents.Event::kind)
                .contains(SharingEvents.Kind.DECLINED).doesNotContain(SharingEvents.Kind.RELEASED);
        assertThat(consents.standing(someone.account(), agency.id().getValue())).isEmpty();
    }

    @Test
    void decliningAtTheJourneysEndSharesNothingAndTheAgencyReceivesAccessDenied() throws Exception {
        TestAgency agency = register("Housing Office", VERIFIED_SCOPES, List.of("verified"));
        String email = "declines-" + UUID.randomUUID() + "@example.gov";
        AccountId account = accounts.signUp(email, WizardOverHttp.PASSWORD);
        WizardOverHttp person = WizardOverHttp.at(base);
        Request request = request(agency, VERIFIED_SCOPES, VERIFIED);
        person.get(pathOf(request.uri()));
        person.signIn(email);
        continueToTheAgency(person);
        assertThat(person.location()).endsWith("/verify");

        proof(person, Map.of("answer", "decline"));

        person.get("/connect/continue");
        Matcher back = CONTINUE.matcher(person.page());
        assertThat(back.find()).as("the way back to the agency").isTrue();
        URI toTheAgency = URI.create(back.group(1).replace("&amp;", "&"));
        assertThat(toTheAgency.toString()).as("straight to the agency, not asked again")
                .startsWith(agency.redirect().toString());
        AuthorizationResponse answer = AuthorizationResponse.parse(toTheAgency);
        assertThat(answer.indicatesSuccess()).isFalse();
        assertThat(((AuthorizationErrorResponse) answer).getErrorObject().getCode()).isEqualTo("access_denied");
        assertThat(answer.getState()).isEqualTo(request.state());
        assertThat(consents.standing(account, agency.id().getValue())).isEmpty();
        assertThat(events.of(account)).extracting(SharingEvents.Event::kind)
                .containsExactly(SharingEvents.Kind.DECLINED);
    }

    @Test
    void aJourneyStartedOnProoflineSharesNothingAndTheFirstAgencyToAskAsksThen() throws Exception {
        TestAgency agency = register("Veterans Desk", VERIFIED_SCOPES, List.of("verified"));
        Person someone = verifiedPerson();
        assertThat(events.of(someone.account())).as("no agency, no answer to record").isEmpty();

        WizardOverHttp browser = signedInForTheAgency(someone, request(agency, VERIFIED_SCOPES, VERIFIED));

        assertThat(browser.location()).as("asked when the agency first asks").contains("/connect/consent");
        browser.get(pathOf(URI.create(browser.location())));
        assertThat(browser.page()).contains("Veterans Desk", "Larkspur");
    }

    @Test
    void aStandingConsentIsNotAskedAgainButARevokedOneOrANewAttributeIs() throws Exception {
        List<String> emailOnly = List.of("openid", "email");
        TestAgency agency = register("Parks Pass", VERIFIED_SCOPES, List.of("auth-only", "verified"));
        Person someone = verifiedPerson();
        WizardOverHttp browser = signedInForTheAgency(someone, request(agency, emailOnly, AUTH_ONLY));
        browser.get(pathOf(URI.create(browser.location())));
        agree(browser);
        assertThat(AuthorizationResponse.parse(URI.create(browser.location())).indicatesSuccess()).isTrue();

        browser.get(pathOf(request(agency, emailOnly, AUTH_ONLY).uri()));
        assertThat(browser.location()).as("consented: straight back with a code").contains(agency.redirect().getHost())
                .contains("code=");

        browser.get(pathOf(request(agency, List.of("openid", "email", "profile:name"), VERIFIED).uri()));
        assertThat(browser.location()).as("a new attribute: asked again").contains("/connect/consent");

        browser.get("/account/agencies");
        assertThat(browser.page()).contains("Parks Pass");
        browser.post("/account/agencies/" + agency.id().getValue() + "/revoke", Map.of());
        assertThat(browser.status()).isEqualTo(302);
        browser.get(pathOf(request(agency, emailOnly, AUTH_ONLY).uri()));
        assertThat(browser.location()).as("revoked: asked again").contains("/connect/consent");
        assertThat(events.of(someone.account())).extracting(SharingEvents.Event::kind)
                .contains(SharingEvents.Kind.GRANTED, SharingEvents.Kind.REVOKED, SharingEvents.Kind.RELEASED);
    }

    @Test
    void anAgencyNeverReceivesAClaimItIsNotRegisteredForAndAnIal1RequestNoVerifiedClaim() throws Exception {
        TestAgency agency = register("Library Card", List.of("openid", "email", "profile:name"),
                List.of("auth-only", "verified"));
        Person someone = verifiedPerson();

        Request notRegistered = request(agency, List.of("openid", "email", "social_security_number"), VERIFIED);
        WizardOverHttp browser = WizardOverHttp.at(base);
        browser.get(pathOf(notRegistered.uri()));
        assertThat(errorOf(browser)).as("a scope it is not registered for").isEqualTo("invalid_scope");

        Request verifiedAtIal1 = request(agency, List.of("openid", "email", "profile:name"), AUTH_ONLY);
        browser.get(pathOf(verifiedAtIal1.uri()));
        assertThat(errorOf(browser)).as("a verified scope at IAL1").isEqualTo("invalid_scope");

        Request ial1 = request(agency, List.of("openid", "email"), AUTH_ONLY);
        browser = signedInForTheAgency(someone, ial1);
        browser.get(pathOf(URI.create(browser.location())));
        assertThat(browser.page()).contains(someone.email()).doesNotContain("Larkspur");
        agree(browser);
        OIDCTokenResponse tokens = exchange(agency, codeFrom(browser, ial1), ial1.verifier());
        IDTokenClaimsSet idToken = new IDTokenValidator(new Issuer(base), agency.id(), JWSAlgorithm.RS256,
                new URL(provider.getJWKSetURI().toString())).validate(tokens.getOIDCTokens().getIDToken(), ial1.nonce());
        assertThat(idToken.getACR().getValue()).isEqualTo(AUTH_ONLY);
        assertThat(idToken.toJWTClaimsSet().getClaims()).doesNotContainKeys("given_name", "family_name", "address",
                "social_security_number", "birthdate", "phone");
        assertThat(userInfo(tokens.getOIDCTokens().getBearerAccessToken()).keySet())
                .containsExactlyInAnyOrder("sub", "email", "email_verified");
    }

    @Test
    void twoAgenciesSeeDifferentSubjectsForOnePersonAndEachTheSameOneEveryTime() throws Exception {
        TestAgency first = register("Agency One", List.of("openid", "email"), List.of("auth-only"));
        TestAgency second = register("Agency Two", List.of("openid", "email"), List.of("auth-only"));
        Person someone = verifiedPerson();
        String firstSub = subjectAt(first, someone);
        String secondSub = subjectAt(second, someone);
        assertThat(firstSub).isNotEqualTo(secondSub).isNotEqualTo(someone.account().toString());
        assertThat(subjectAt(first, someone)).as("the same agency, the same sub").isEqualTo(firstSub);
    }

    @Test
    void aRequestWithPromptNoneIsAnsweredInteractionRequiredRatherThanSentIntoProofing() throws Exception {
        TestAgency agency = register("Licensing", VERIFIED_SCOPES, List.of("verified"));
        String email = "silent-" + UUID.randomUUID() + "@example.gov";
        accounts.signUp(email, WizardOverHttp.PASSWORD);
        Request request = request(agency, VERIFIED_SCOPES, VERIFIED);
        WizardOverHttp browser = WizardOverHttp.at(base);
        browser.get(pathOf(request.uri()));
        browser.signIn(email);
        continueToTheAgency(browser);
        assertThat(browser.location()).as("without prompt=none: into proofing").endsWith("/verify");

        browser.get(pathOf(request.uri()) + "&prompt=none");

        assertThat(errorOf(browser)).isEqualTo("interaction_required");
    }

    @Test
    void aBadRequestIsRefusedOnOurPageOrSentBackAsAnOAuthError() throws Exception {
        TestAgency agency = register("Permits", List.of("openid", "email"), List.of("auth-only"));
        WizardOverHttp browser = WizardOverHttp.at(base);
        Request good = request(agency, List.of("openid", "email"), AUTH_ONLY);

        browser.get(pathOf(good.uri()).replace(encoded(agency.redirect().toString()),
                encoded("https://attacker.example.com/callback")));
        assertThat(browser.status()).as("an unregistered redirect URI: never redirected").isEqualTo(400);
        assertThat(browser.page()).contains("id=\"refused\"");
        browser.get(pathOf(good.uri()).replace(agency.id().getValue(), "nobody-registered-this"));
        assertThat(browser.status()).as("an unknown client").isEqualTo(400);
        browser.get(pathOf(good.uri()).replace(good.state().getValue(), "short"));
        assertThat(errorOf(browser)).as("a short state").isEqualTo("invalid_request");
        browser.get(pathOf(good.uri()).replace(encoded(AUTH_ONLY), encoded("urn:acr.example:made-up")));
        assertThat(errorOf(browser)).as("an unknown acr").isEqualTo("invalid_request");
        browser.get(pathOf(good.uri()).replace(encoded(AUTH_ONLY), encoded(VERIFIED)));
        assertThat(errorOf(browser)).as("a level it is not registered for").isEqualTo("unauthorized_client");
    }

    @Test
    void anAgencysLogoutSignsThePersonOutAndReturnsThemToTheAgency() throws Exception {
        TestAgency agency = register("Licensing", List.of("openid", "email"), List.of("auth-only"));
        Person someone = verifiedPerson();
        Request request = request(agency, List.of("openid", "email"), AUTH_ONLY);
        WizardOverHttp browser = signedInForTheAgency(someone, request);
        browser.get(pathOf(URI.create(browser.location())));
        agree(browser);
        OIDCTokenResponse tokens = exchange(agency, codeFrom(browser, request), request.verifier());

        String signedOut = "https://" + agency.id().getValue() + ".example.gov/signed-out";
        browser.get("/connect/logout?id_token_hint=" + tokens.getOIDCTokens().getIDTokenString()
                + "&post_logout_redirect_uri=" + encoded(signedOut) + "&state=bye-for-now");
        assertThat(browser.status()).isEqualTo(302);
        assertThat(browser.location()).startsWith(signedOut).contains("state=bye-for-now");
        browser.get("/account");
        assertThat(browser.location()).as("signed out of Proofline too").contains("/sign-in");
    }

    record Person(String email, AccountId account) {
    }

    /** An account verified through the wizard (state ID, phone), with no agency waiting. */
    Person verifiedPerson() throws Exception {
        String email = "verified-" + UUID.randomUUID() + "@example.gov";
        AccountId account = accounts.signUp(email, WizardOverHttp.PASSWORD);
        WizardOverHttp person = WizardOverHttp.at(base);
        person.signIn(email);
        proof(person);
        return new Person(email, account);
    }

    private void proof(WizardOverHttp person) throws Exception {
        proof(person, Map.of());
    }

    /** Proofing to done (state ID, phone), answering the journey's last step with these fields. */
    private void proof(WizardOverHttp person, Map<String, String> lastStep) throws Exception {
        proofToTheLastStep(person);
        person.step("ConsentToShare", lastStep);
        person.showCurrent("done");
    }

    /** What a person proofed with (the phone as typed, ten digits). */
    record Proofed(String ssn, String phone) {
    }

    /** Proofing on the state ID and phone path, up to the journey's last step (the answer to the agency). */
    private Proofed proofToTheLastStep(WizardOverHttp person) throws Exception {
        String ssn = "900-" + ThreadLocalRandom.current().nextInt(10, 100) + "-"
                + ThreadLocalRandom.current().nextInt(1000, 10000);
        String phone = "406555" + ThreadLocalRandom.current().nextInt(1000, 10000);
        person.throughTheStateId(ssn);
        person.step("ChooseAddressMethod", Map.of("addressMethod", "PHONE"));
        person.step("EnterPhone", Map.of("phone", phone));
        person.showCurrent("EnterOneTimeCode");
        person.post("/verify/EnterOneTimeCode", Map.of("code", WizardOverHttp.sentCode(stubs.server(), "+1" + phone)));
        person.throughThePasswordAndPersonalKey();
        return new Proofed(ssn, phone);
    }

    /** A new browser: the agency's request, the sign-in it leads to, and back to the request. */
    WizardOverHttp signedInForTheAgency(Person someone, Request request) throws Exception {
        WizardOverHttp browser = WizardOverHttp.at(base);
        browser.get(pathOf(request.uri()));
        assertThat(browser.location()).endsWith("/sign-in");
        browser.signIn(someone.email());
        continueToTheAgency(browser);
        assertThat(browser.status()).as("the request, answered").isEqualTo(302);
        return browser;
    }

    private String subjectAt(TestAgency agency, Person someone) throws Exception {
        Request request = request(agency, List.of("openid", "email"), AUTH_ONLY);
        WizardOverHttp browser = signedInForTheAgency(someone, request);
        if (browser.location().contains("/connect/consent")) {
            browser.get(pathOf(URI.create(browser.location())));
            agree(browser);
        }
        OIDCTokenResponse tokens = exchange(agency, codeFrom(browser, request), request.verifier());
        return tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject();
    }

    private static String errorOf(WizardOverHttp browser) throws Exception {
        assertThat(browser.status()).as("sent back to the agency").isEqualTo(302);
        AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(browser.location()));
        assertThat(answer.indicatesSuccess()).isFalse();
        return ((AuthorizationErrorResponse) answer).getErrorObject().getCode();
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void decline(WizardOverHttp person) throws Exception {
        String declineForm = person.page().substring(person.page().indexOf("id=\"decline-form\""));
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Matcher hidden = Pattern.compile("name=\"(client_id|state)\" value=\"([^\"]*)\"").matcher(declineForm);
        while (hidden.find()) {
            fields.add(Map.entry(hidden.group(1), hidden.group(2).replace("&amp;", "&")));
        }
        person.postFields("/oauth2/authorize", fields);
        assertThat(person.status()).as("the decline's answer").isEqualTo(302);
    }

    /** Follows the way back to the agency's request: the continue page, then the request itself. */
    private static void continueToTheAgency(WizardOverHttp person) throws Exception {
        person.get("/connect/continue");
        Matcher next = CONTINUE.matcher(person.page());
        assertThat(next.find()).as("the way back to the agency, got " + person.heading()).isTrue();
        person.get(next.group(1).replace("&amp;", "&"));
    }

    private static void agree(WizardOverHttp person) throws Exception {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        String agreeForm = person.page().substring(person.page().indexOf("id=\"agree-form\""),
                person.page().indexOf("id=\"decline-form\""));
        Matcher hidden = Pattern.compile("name=\"(client_id|state|scope)\" value=\"([^\"]*)\"").matcher(agreeForm);
        while (hidden.find()) {
            fields.add(Map.entry(hidden.group(1), hidden.group(2).replace("&amp;", "&")));
        }
        person.postFields("/oauth2/authorize", fields);
        assertThat(person.status()).as("the consent's answer").isEqualTo(302);
    }

    private static AuthorizationCode codeFrom(WizardOverHttp person, Request request) throws Exception {
        AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(person.location()));
        assertThat(answer.indicatesSuccess()).as("the agency's answer: " + person.location()).isTrue();
        assertThat(answer.getState()).isEqualTo(request.state());
        return answer.toSuccessResponse().getAuthorizationCode();
    }

    record Request(URI uri, State state, Nonce nonce, CodeVerifier verifier) {
    }

    Request request(TestAgency agency, List<String> scopes, String acr) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI uri = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(scopes.toArray(String[]::new)),
                agency.id(), agency.redirect()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).acrValues(List.of(new ACR(acr)))
                .endpointURI(provider.getAuthorizationEndpointURI()).build().toURI();
        return new Request(uri, state, nonce, verifier);
    }

    TestAgency register(String name, List<String> scopes, List<String> levels) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        String clientId = "agency-" + UUID.randomUUID();
        URI redirect = URI.create("https://" + clientId + ".example.gov/callback");
        agencies.register(new AgencyRegistration(clientId, name, "web", List.of(redirect.toString()),
                List.of("https://" + clientId + ".example.gov/signed-out"),
                scopes, levels, new JWKSet(key.toPublicJWK()).toString(), null));
        return new TestAgency(new ClientID(clientId), key, redirect);
    }

    TokenRequest tokenRequest(TestAgency agency, AuthorizationCode code, CodeVerifier verifier) throws Exception {
        return new TokenRequest(provider.getTokenEndpointURI(), new PrivateKeyJWT(agency.id(),
                provider.getTokenEndpointURI(), JWSAlgorithm.RS256, agency.key().toPrivateKey(),
                agency.key().getKeyID(), null), new AuthorizationCodeGrant(code, agency.redirect(), verifier));
    }

    OIDCTokenResponse exchange(TestAgency agency, AuthorizationCode code, CodeVerifier verifier) throws Exception {
        TokenResponse response = OIDCTokenResponseParser.parse(tokenRequest(agency, code, verifier).toHTTPRequest()
                .send());
        assertThat(response.indicatesSuccess()).as(() -> "the token response: "
                + ((TokenErrorResponse) response).getErrorObject().toJSONObject()).isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    Map<String, Object> userInfo(BearerAccessToken token) throws Exception {
        UserInfoResponse response = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(), token)
                .toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as("userinfo").isTrue();
        return response.toSuccessResponse().getUserInfo().toJSONObject();
    }

    static String pathOf(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static Set<String> set(String... values) {
        return Set.of(values);
    }
}
