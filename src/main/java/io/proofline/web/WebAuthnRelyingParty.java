package io.proofline.web;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * This service as a WebAuthn relying party (security keys and passkeys, Spring Security's support): the site a key is
 * bound to ({@code proofline.webauthn.rp-id}) and the origins whose pages may use it. The credentials and user
 * entities are the accounts module's ({@link UserCredentialRepository}, {@link PublicKeyCredentialUserEntityRepository}
 * beans); which session may register a key or use one is its controllers' business. Spring Security's own
 * passwordless sign-in ({@code POST /login/webauthn}) asks a {@link UserDetailsService} for the person: ours
 * ({@link WebSecurity}) knows nobody, so a key alone never signs anyone in.
 */
@Configuration(proxyBeanMethods = false)
public class WebAuthnRelyingParty {

    /**
     * @param rpId           the site's domain a key is bound to ({@code localhost} in the embedded default)
     * @param rpName         the name a browser shows when it asks for the key
     * @param allowedOrigins the origins of our pages (scheme, host, port); empty: {@code proofline.web.public-url},
     *                       or this machine's own port
     */
    @ConfigurationProperties("proofline.webauthn")
    record Properties(String rpId, String rpName, List<String> allowedOrigins) {
        Properties {
            rpId = rpId == null || rpId.isBlank() ? "localhost" : rpId.strip();
            rpName = rpName == null || rpName.isBlank() ? "Proofline" : rpName.strip();
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        }
    }

    @Bean
    WebAuthnRelyingPartyOperations relyingPartyOperations(Properties properties, PublicAddress publicAddress,
            PublicKeyCredentialUserEntityRepository userEntities, UserCredentialRepository credentials) {
        return new Webauthn4JRelyingPartyOperations(userEntities, credentials,
                PublicKeyCredentialRpEntity.builder().id(properties.rpId()).name(properties.rpName()).build(),
                new AllowedOrigins(properties.allowedOrigins(), publicAddress));
    }

    /** Kept in the session in a form Redis can hold (Spring Security's own keeps an object Java cannot serialize). */
    @Bean
    PublicKeyCredentialCreationOptionsRepository webAuthnCreationOptions() {
        return new SessionCreationOptions();
    }

    /**
     * The configured origins; none configured, the public address, known once the server listens (a random port in
     * tests): read each time Spring Security checks a key's answer.
     */
    static final class AllowedOrigins extends AbstractSet<String> {
        private final List<String> configured;
        private final PublicAddress publicAddress;

        AllowedOrigins(List<String> configured, PublicAddress publicAddress) {
            this.configured = configured;
            this.publicAddress = publicAddress;
        }

        private Set<String> current() {
            return configured.isEmpty() ? Set.of(publicAddress.of("")) : Set.copyOf(configured);
        }

        @Override
        public Iterator<String> iterator() {
            return current().iterator();
        }

        @Override
        public int size() {
            return current().size();
        }
    }
}
