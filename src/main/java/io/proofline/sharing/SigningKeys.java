package io.proofline.sharing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import io.proofline.crypto.SecretFiles;

/**
 * The keys our ID and access tokens are signed with (RS256). The first key of the set signs; every key is published
 * at the JWKS endpoint, so that after a rotation (a new key put first) tokens signed with the old one still verify
 * until they expire. Private parts never leave this class but to sign.
 */
final class SigningKeys {

    static final int BITS = 3072;

    private final JWKSet keys;

    private SigningKeys(JWKSet keys) {
        this.keys = keys;
    }

    static SigningKeys from(OidcProperties properties) {
        String configured = properties.signingKeys();
        if (configured == null || configured.isBlank()) {
            if (!properties.generateMissingSigningKeys()) {
                throw new IllegalStateException("Missing token signing keys: set PROOFLINE_OIDC_SIGNING_KEYS to a JWKS "
                        + "document of private RSA keys of at least 2048 bits (docs/sharing.md)");
            }
            configured = SecretFiles.readOrCreate(properties.signingKeysFile(), SigningKeys::generated);
        }
        return parse(configured);
    }

    static SigningKeys parse(String jwks) {
        JWKSet set;
        try {
            set = JWKSet.parse(jwks);
        } catch (ParseException e) {
            throw new IllegalStateException("The token signing keys are not a JWKS document");
        }
        if (set.getKeys().isEmpty()) {
            throw new IllegalStateException("The token signing keys hold no key");
        }
        List<JWK> checked = new ArrayList<>();
        for (JWK key : set.getKeys()) {
            if (!(key instanceof RSAKey rsa) || !rsa.isPrivate() || rsa.getKeyID() == null
                    || rsa.getModulus().decodeToBigInteger().bitLength() < AgencyRegistration.MIN_RSA_BITS) {
                throw new IllegalStateException("Each token signing key must be a private RSA key of at least "
                        + AgencyRegistration.MIN_RSA_BITS + " bits with a kid");
            }
            checked.add(rsa);
        }
        return new SigningKeys(new JWKSet(checked));
    }

    /** A new private key as a JWKS document, for the embedded default's data folder or an operator's rotation. */
    static String generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(Instant.now().toString().substring(0, 10) + "-" + UUID.randomUUID().toString().substring(0, 8))
                    .build();
            return new JWKSet(key).toString(false);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No RSA here", e);
        }
    }

    /** The key that signs now. */
    String currentKeyId() {
        return keys.getKeys().get(0).getKeyID();
    }

    JWKSource<SecurityContext> source() {
        return new ImmutableJWKSet<>(keys);
    }
}
