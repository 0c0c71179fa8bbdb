package io.proofline.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A partner agency as registered: its OpenID Connect client id, the name a person sees, where it may be sent back,
 * what it may ask for, and how it proves itself at the token endpoint.
 *
 * @param kind   {@link Kind#WEB}: private_key_jwt with its public keys ({@code jwks} inline or at {@code jwksUri});
 *               {@link Kind#NATIVE}: a public client with PKCE (S256) only
 * @param scopes the scope values it may request ({@link AgencyScope})
 * @param levels the levels it may request ({@link AgencyLevel})
 */
public record Agency(String clientId, String displayName, Kind kind, List<String> redirectUris,
        List<String> postLogoutRedirectUris, Set<String> scopes, Set<AgencyLevel> levels, String jwks, String jwksUri,
        Instant updatedAt) {

    public enum Kind {
        WEB, NATIVE
    }

    public Agency {
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        scopes = Set.copyOf(scopes);
        levels = Set.copyOf(levels);
    }
}
