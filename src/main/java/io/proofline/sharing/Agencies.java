package io.proofline.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registered partner agencies. Operators add and change them through the management port's {@code agencies}
 * endpoint ({@code docs/sharing.md}); nothing here is edited as SQL.
 */
@Service
public class Agencies {

    private static final Logger log = LoggerFactory.getLogger(Agencies.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    Agencies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Registers an agency, or replaces the registration of the same client id.
     *
     * @throws AgencyRegistration.Refused with every problem of the registration
     */
    @Transactional
    public Agency register(AgencyRegistration registration) {
        Agency agency = registration.checked(clock.instant());
        Timestamp now = Timestamp.from(agency.updatedAt());
        int changed = jdbc.sql("""
                update agency set display_name = :name, kind = :kind, redirect_uris = :redirects,
                    post_logout_redirect_uris = :logouts, scopes = :scopes, levels = :levels, jwks = :jwks,
                    jwks_uri = :jwksUri, updated_at = :now where client_id = :clientId""")
                .params(parameters(agency)).param("now", now).update();
        if (changed == 0) {
            jdbc.sql("""
                    insert into agency (client_id, display_name, kind, redirect_uris, post_logout_redirect_uris, scopes,
                        levels, jwks, jwks_uri, created_at, updated_at)
                    values (:clientId, :name, :kind, :redirects, :logouts, :scopes, :levels, :jwks, :jwksUri, :now, :now)""")
                    .params(parameters(agency)).param("now", now).update();
        }
        log.info("Agency {} {}", agency.clientId(), changed == 0 ? "registered" : "changed");
        return agency;
    }

    public Optional<Agency> find(String clientId) {
        return jdbc.sql("select * from agency where client_id = :clientId").param("clientId", clientId)
                .query(Agencies::agency).optional();
    }

    public List<Agency> all() {
        return jdbc.sql("select * from agency order by client_id").query(Agencies::agency).list();
    }

    /** Removes an agency: its consents and pairwise subjects go with it. */
    @Transactional
    public boolean remove(String clientId) {
        boolean removed = jdbc.sql("delete from agency where client_id = :clientId").param("clientId", clientId)
                .update() > 0;
        if (removed) {
            log.info("Agency {} removed", clientId);
        }
        return removed;
    }

    private static java.util.Map<String, Object> parameters(Agency agency) {
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("clientId", agency.clientId());
        parameters.put("name", agency.displayName());
        parameters.put("kind", agency.kind().name());
        parameters.put("redirects", String.join(" ", agency.redirectUris()));
        parameters.put("logouts", String.join(" ", agency.postLogoutRedirectUris()));
        parameters.put("scopes", String.join(" ", agency.scopes()));
        parameters.put("levels", agency.levels().stream().map(AgencyLevel::configName)
                .collect(Collectors.joining(" ")));
        parameters.put("jwks", agency.jwks());
        parameters.put("jwksUri", agency.jwksUri());
        return parameters;
    }

    private static Agency agency(ResultSet row, int number) throws SQLException {
        return new Agency(row.getString("client_id"), row.getString("display_name"),
                Agency.Kind.valueOf(row.getString("kind")), words(row.getString("redirect_uris")),
                words(row.getString("post_logout_redirect_uris")),
                new LinkedHashSet<>(words(row.getString("scopes"))),
                words(row.getString("levels")).stream().map(name -> AgencyLevel.ofConfigName(name).orElseThrow())
                        .collect(Collectors.toCollection(LinkedHashSet::new)),
                row.getString("jwks"), row.getString("jwks_uri"), row.getTimestamp("updated_at").toInstant());
    }

    private static List<String> words(String spaced) {
        return spaced == null || spaced.isBlank() ? List.of() : Arrays.asList(spaced.trim().split("\\s+"));
    }

    static Set<String> scopeSet(String spaced) {
        return new LinkedHashSet<>(words(spaced));
    }
}
