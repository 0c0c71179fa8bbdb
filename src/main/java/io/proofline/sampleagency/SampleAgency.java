package io.proofline.sampleagency;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import io.proofline.crypto.SecretFiles;
import io.proofline.sharing.Agencies;
import io.proofline.sharing.AgencyRegistration;
import io.proofline.web.PublicAddress;

/**
 * The sample agency's registration: a web application with its own RSA key (generated into the data folder), asking
 * for email, name, birth date, address, phone and SSN at either level. Registered as an operator would, through
 * {@link Agencies#register}, once the server listens (its redirect URI carries the port).
 */
@Component
@ConditionalOnProperty(name = "proofline.sharing.oidc.sample-agency", havingValue = "true")
class SampleAgency {

    static final String CLIENT_ID = "sample-agency";
    static final String PATH = "/sample-agency";
    static final String CALLBACK = PATH + "/callback";
    static final List<String> SCOPES = List.of("openid", "email", "profile:name", "profile:birthdate",
            "profile:verified_at", "address", "phone", "social_security_number");

    private static final Logger log = LoggerFactory.getLogger(SampleAgency.class);

    private final Agencies agencies;
    private final PublicAddress publicAddress;
    private final RSAKey key;

    SampleAgency(Agencies agencies, PublicAddress publicAddress,
            @Value("${proofline.crypto.secrets-dir}") Path secrets) {
        this.agencies = agencies;
        this.publicAddress = publicAddress;
        this.key = readKey(SecretFiles.readOrCreate(secrets.resolve("sample-agency-key.json"), SampleAgency::newKey));
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        var registration = new AgencyRegistration(CLIENT_ID, "Sample Agency", "web", List.of(redirectUri()),
                List.of(publicAddress.of(PATH)), SCOPES, List.of("auth-only", "verified"),
                new JWKSet(key.toPublicJWK()).toString(), null);
        try {
            agencies.register(registration);
        } catch (DuplicateKeyException anotherNodeRegisteredItFirst) {
            agencies.register(registration); // now an update of that node's row
        }
        log.info("The sample agency is registered: try it at {}", publicAddress.of(PATH));
    }

    String redirectUri() {
        return publicAddress.of(CALLBACK);
    }

    RSAKey key() {
        return key;
    }

    private static RSAKey readKey(String stored) {
        try {
            return RSAKey.parse(stored);
        } catch (ParseException e) {
            throw new IllegalStateException("The sample agency's key file is not a JWK");
        }
    }

    private static String newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID("sample-agency-1").build()
                    .toJSONString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
