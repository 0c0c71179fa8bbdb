package io.proofline.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What happened to an account, for its owner (issue 12): recorded where it happens, next to the security notice
 * ({@link SecurityNotices}) when there is one, so the person who did not make a change sees it on the page as well
 * as in their mail. Only this package records; the account page reads. The browser is described from the request
 * that caused the event ({@link BrowserDescription}); the User-Agent itself and the address are never stored.
 * Agencies' consents are {@code sharing}'s events, on their own page.
 */
@Service
public class AccountHistory {

    /** How many events the account page shows: Login.gov's history shows the recent ones, not all. */
    static final int SHOWN = 50;

    public enum Kind {
        SIGNED_IN, METHOD_ADDED, METHOD_RENAMED, METHOD_REMOVED, PASSWORD_CHANGED, PASSWORD_RESET,
        VERIFIED_STATE_ID, VERIFIED_PIV_CAC, VERIFIED_IN_PERSON, PERSONAL_KEY_RENEWED, PROFILE_DEACTIVATED;

        /** The verification by its pathway (STATE_ID, PIV_CAC, IN_PERSON; the state ID for an unknown one). */
        static Kind verified(String pathway) {
            for (Kind kind : values()) {
                if (kind.name().equals("VERIFIED_" + pathway)) {
                    return kind;
                }
            }
            return VERIFIED_STATE_ID;
        }
    }

    /** One line of the history. */
    public record Event(Kind kind, BrowserDescription browser, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The event, with the browser of the request being served (none for what the engine does on its own, a letter's
     * code checked by a job). Only for an account that exists: a line of history never fails what it records (a
     * verification recorded for an account id alone, as identity_verification allows).
     */
    void record(AccountId account, Kind kind) {
        jdbc.sql("""
                insert into account_event (account_id, kind, browser, at)
                select :account, :kind, :browser, :at from account where id = :account""")
                .param("account", account.value()).param("kind", kind.name())
                .param("browser", BrowserDescription.of(currentUserAgent()).stored())
                .param("at", Timestamp.from(clock.instant())).update();
    }

    /** The most recent events, newest first. */
    public List<Event> recent(AccountId account) {
        return jdbc.sql("""
                select kind, browser, at from account_event where account_id = :account
                order by at desc, id desc fetch first %d rows only""".formatted(SHOWN))
                .param("account", account.value())
                .query((row, n) -> new Event(Kind.valueOf(row.getString("kind")),
                        BrowserDescription.fromStored(row.getString("browser")), row.getTimestamp("at").toInstant()))
                .list();
    }

    /** Part of deleting the account ({@link AccountDeletions}). */
    void forget(AccountId account) {
        jdbc.sql("delete from account_event where account_id = :account").param("account", account.value()).update();
    }

    /**
     * Read from the request being served, as {@link SecurityNotices} reads its language: the services that record
     * are called from many pages, and none of them needs to carry the header along.
     */
    private static String currentUserAgent() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getHeader("User-Agent") : null;
    }
}
