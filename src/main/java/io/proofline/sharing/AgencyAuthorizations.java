package io.proofline.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.proofline.accounts.AccountId;

/**
 * Spring Authorization Server's authorizations, in our own table and on every node: no token value is kept (each is
 * looked up by its SHA-256), and no personal data: an ID token keeps only the protocol's claims, the request only the
 * parameters the protocol needs (a {@code login_hint} may be an email), and the attributes released to the agency
 * live sealed in the vault ({@link Releases}), removed with the authorization or when its access token is revoked.
 */
class AgencyAuthorizations implements OAuth2AuthorizationService {

    /** What stands for a token whose value we do not hold (only the one presented is known). */
    static final String NOT_KEPT = "not-kept";

    /** The request parameters kept besides the standard ones: none can carry personal data. */
    private static final Set<String> KEPT_PARAMETERS = Set.of(OidcParameterNames.NONCE, "code_challenge",
            "code_challenge_method", "acr_values", "prompt", "max_age", "ui_locales");

    /** The ID token claims kept with an authorization (for the logout's checks); never a released attribute. */
    private static final Set<String> PROTOCOL_CLAIMS = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "auth_time",
            "nonce", "acr", "amr", "azp", "sid", "jti", "at_hash", "c_hash", "scope", "client_id");

    private static final Set<String> TIME_CLAIMS = Set.of("exp", "iat", "nbf", "auth_time");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RegisteredClientRepository clients;
    private final Releases releases;
    private final Clock clock;

    AgencyAuthorizations(JdbcClient jdbc, RegisteredClientRepository clients, Releases releases, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.releases = releases;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", authorization.getId());
        row.put("clientId", authorization.getRegisteredClientId());
        row.put("principal", authorization.getPrincipalName());
        row.put("grantType", authorization.getAuthorizationGrantType().getValue());
        row.put("scopes", String.join(" ", authorization.getAuthorizedScopes()));
        row.put("attributes", attributes(authorization));
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        row.put("stateHash", state == null || NOT_KEPT.equals(state) ? null : digest(state));
        row.put("consentPending", state != null);
        OAuth2Authorization.Token<OAuth2AuthorizationCode> code = authorization.getToken(OAuth2AuthorizationCode.class);
        tokenColumns(row, "code", code, false);
        OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
        tokenColumns(row, "access", access, true);
        row.put("accessScopes", access == null ? null : String.join(" ", access.getToken().getScopes()));
        OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
        tokenColumns(row, "idToken", idToken, true);
        row.put("now", Timestamp.from(clock.instant()));
        int updated = jdbc.sql("""
                update agency_authorization set authorized_scopes = :scopes, attributes = :attributes,
                    consent_state_hash = case when :consentPending then coalesce(:stateHash, consent_state_hash) end,
                    code_hash = coalesce(:codeHash, code_hash), code_issued_at = :codeIssued,
                    code_expires_at = :codeExpires, code_metadata = :codeMetadata,
                    access_token_hash = coalesce(:accessHash, access_token_hash),
                    access_token_issued_at = :accessIssued, access_token_expires_at = :accessExpires,
                    access_token_scopes = :accessScopes, access_token_metadata = :accessMetadata,
                    id_token_hash = coalesce(:idTokenHash, id_token_hash), id_token_issued_at = :idTokenIssued,
                    id_token_expires_at = :idTokenExpires, id_token_metadata = :idTokenMetadata
                where id = :id""").params(row).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into agency_authorization (id, client_id, principal_name, grant_type, authorized_scopes,
                        attributes, consent_state_hash, code_hash, code_issued_at, code_expires_at, code_metadata,
                        access_token_hash, access_token_issued_at, access_token_expires_at, access_token_scopes,
                        access_token_metadata, id_token_hash, id_token_issued_at, id_token_expires_at, id_token_metadata,
                        created_at)
                    values (:id, :clientId, :principal, :grantType, :scopes, :attributes, :stateHash, :codeHash,
                        :codeIssued, :codeExpires, :codeMetadata, :accessHash, :accessIssued, :accessExpires,
                        :accessScopes, :accessMetadata, :idTokenHash, :idTokenIssued, :idTokenExpires,
                        :idTokenMetadata, :now)""").params(row).update();
        }
        if (access != null && !access.isActive()) {
            // Revoked (a replayed code revokes what the code gave) or expired: nothing released may outlive it.
            releases.forget(authorization.getId());
        }
    }

    private static void tokenColumns(Map<String, Object> row, String prefix,
            OAuth2Authorization.Token<? extends OAuth2Token> token, boolean keepClaims) {
        if (token == null) {
            row.put(prefix + "Hash", null);
            row.put(prefix + "Issued", null);
            row.put(prefix + "Expires", null);
            row.put(prefix + "Metadata", null);
            return;
        }
        String value = token.getToken().getTokenValue();
        row.put(prefix + "Hash", NOT_KEPT.equals(value) ? null : digest(value));
        row.put(prefix + "Issued", timestamp(token.getToken().getIssuedAt()));
        row.put(prefix + "Expires", timestamp(token.getToken().getExpiresAt()));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("invalidated", token.isInvalidated());
        if (keepClaims && token.getClaims() != null) {
            metadata.put("claims", protocolClaims(token.getClaims()));
        }
        row.put(prefix + "Metadata", json(metadata));
    }

    private static Map<String, Object> protocolClaims(Map<String, Object> claims) {
        Map<String, Object> kept = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (PROTOCOL_CLAIMS.contains(name)) {
                kept.put(name, value instanceof Instant instant ? instant.getEpochSecond()
                        : value instanceof Set<?> set ? List.copyOf(set) : value);
            }
        });
        return kept;
    }

    private static String attributes(OAuth2Authorization authorization) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Object principal = authorization.getAttribute(Principal.class.getName());
        if (principal instanceof AgencyUser user) {
            attributes.put("account", user.account().toString());
            attributes.put("assurance", user.assurance());
            attributes.put("methods", user.methods());
        }
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (request != null) {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("authorizationUri", request.getAuthorizationUri());
            kept.put("redirectUri", request.getRedirectUri());
            kept.put("scopes", List.copyOf(request.getScopes()));
            kept.put("state", request.getState());
            Map<String, Object> parameters = new LinkedHashMap<>();
            request.getAdditionalParameters().forEach((name, value) -> {
                if (KEPT_PARAMETERS.contains(name)) {
                    parameters.put(name, String.valueOf(value));
                }
            });
            kept.put("parameters", parameters);
            attributes.put("request", kept);
        }
        return json(attributes);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        jdbc.sql("delete from agency_authorization where id = :id").param("id", authorization.getId()).update();
        releases.forget(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return jdbc.sql("select * from agency_authorization where id = :id").param("id", id)
                .query((row, n) -> authorization(row, null, null)).optional().orElse(null);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        if (token == null || token.isBlank() || NOT_KEPT.equals(token)) {
            return null;
        }
        String hash = digest(token);
        String type = tokenType == null ? null : tokenType.getValue();
        String column = type == null ? null : switch (type) {
            case OAuth2ParameterNames.STATE -> "consent_state_hash";
            case OAuth2ParameterNames.CODE -> "code_hash";
            case OAuth2ParameterNames.ACCESS_TOKEN -> "access_token_hash";
            case OidcParameterNames.ID_TOKEN -> "id_token_hash";
            default -> "";
        };
        if ("".equals(column)) {
            return null; // no refresh tokens, nor any other kind, are issued here
        }
        String where = column != null ? column + " = :hash" : "consent_state_hash = :hash or code_hash = :hash"
                + " or access_token_hash = :hash or id_token_hash = :hash";
        return jdbc.sql("select * from agency_authorization where " + where).param("hash", hash)
                .query((row, n) -> authorization(row, token, hash)).optional().orElse(null);
    }

    /** An authorization as stored; {@code presented}, whose digest is {@code hash}, is the one token value known. */
    private OAuth2Authorization authorization(ResultSet row, String presented, String hash) throws SQLException {
        RegisteredClient client = clients.findById(row.getString("client_id"));
        if (client == null) {
            return null; // the agency was removed: nothing it was given still stands
        }
        Map<String, Object> attributes = read(row.getString("attributes"));
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(row.getString("id")).principalName(row.getString("principal_name"))
                .authorizationGrantType(new AuthorizationGrantType(row.getString("grant_type")))
                .authorizedScopes(Agencies.scopeSet(row.getString("authorized_scopes")));
        if (attributes.get("account") != null) {
            @SuppressWarnings("unchecked")
            List<String> methods = (List<String>) attributes.get("methods");
            builder.attribute(Principal.class.getName(), new AgencyUser(AccountId.parse((String) attributes.get("account")),
                    (String) attributes.get("assurance"), methods));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) attributes.get("request");
        if (request != null) {
            @SuppressWarnings("unchecked")
            List<String> scopes = (List<String>) request.get("scopes");
            @SuppressWarnings("unchecked")
            Map<String, Object> parameters = (Map<String, Object>) request.get("parameters");
            builder.attribute(OAuth2AuthorizationRequest.class.getName(), OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri((String) request.get("authorizationUri")).clientId(client.getClientId())
                    .redirectUri((String) request.get("redirectUri")).scopes(Set.copyOf(scopes))
                    .state((String) request.get("state")).additionalParameters(parameters).build());
        }
        String stateHash = row.getString("consent_state_hash");
        if (stateHash != null) {
            builder.attribute(OAuth2ParameterNames.STATE, stateHash.equals(hash) ? presented : NOT_KEPT);
        }
        String codeHash = row.getString("code_hash");
        if (codeHash != null) {
            OAuth2AuthorizationCode code = new OAuth2AuthorizationCode(valueOf(codeHash, presented, hash),
                    instant(row, "code_issued_at"), instant(row, "code_expires_at"));
            Map<String, Object> codeMetadata = metadata(row.getString("code_metadata"));
            builder.token(code, metadata -> metadata.putAll(codeMetadata));
        }
        String accessHash = row.getString("access_token_hash");
        if (accessHash != null) {
            OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                    valueOf(accessHash, presented, hash), instant(row, "access_token_issued_at"),
                    instant(row, "access_token_expires_at"), Agencies.scopeSet(row.getString("access_token_scopes")));
            Map<String, Object> accessMetadata = metadata(row.getString("access_token_metadata"));
            builder.token(access, metadata -> metadata.putAll(accessMetadata));
        }
        String idTokenHash = row.getString("id_token_hash");
        if (idTokenHash != null) {
            Map<String, Object> metadata = metadata(row.getString("id_token_metadata"));
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
            OidcIdToken idToken = new OidcIdToken(valueOf(idTokenHash, presented, hash),
                    instant(row, "id_token_issued_at"), instant(row, "id_token_expires_at"), claims);
            builder.token(idToken, kept -> kept.putAll(metadata));
        }
        return builder.build();
    }

    private static String valueOf(String storedHash, String presented, String presentedHash) {
        return storedHash.equals(presentedHash) ? presented : NOT_KEPT;
    }

    private static Map<String, Object> metadata(String stored) {
        Map<String, Object> read = read(stored);
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, Boolean.TRUE.equals(read.get("invalidated")));
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) read.get("claims");
        if (claims != null) {
            Map<String, Object> restored = new LinkedHashMap<>();
            claims.forEach((name, value) -> restored.put(name,
                    TIME_CLAIMS.contains(name) && value instanceof Number seconds
                            ? Instant.ofEpochSecond(seconds.longValue()) : value));
            metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, restored);
        }
        return metadata;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store an authorization");
        }
    }

    private static Map<String, Object> read(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(stored, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored authorization");
        }
    }
}
