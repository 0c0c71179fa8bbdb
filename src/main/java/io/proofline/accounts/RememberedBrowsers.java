package io.proofline.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "Remember this browser" (Login.gov's, issue 12): a browser whose second step was passed with the box ticked holds a
 * random token (256 bits, in an HttpOnly cookie); only its SHA-256 is kept, in {@code remembered_browser}, with the
 * account, the kind of method used then and until when it counts ({@code proofline.accounts.remember-browser}). At a
 * later sign-in with the right password, that browser's token skips the second step while it is valid.
 *
 * <p>The assurance it gives (the choice, written down): NIST SP 800-63B lets a remembered device stand for the second
 * factor at AAL2 only within a re-authentication scheme of at most 30 days; we keep it simple and honest, as the
 * {@link Assurance} design reads: the password is typed at every sign-in, and the browser counts as the method that
 * was used when it was remembered (its kind and {@code amr} are stored), never more than {@link Assurance#AAL2}.
 * It is offered only with a code (an app's, a backup code, a phone's), so a remembered browser never claims a
 * phishing-resistant sign-in ({@link Assurance#AAL2_PHISHING_RESISTANT} needs the key each time). Adding or removing a
 * method, a password change or reset, and the account page's button forget every browser of the account.
 */
@Service
public class RememberedBrowsers {

    private static final Logger log = LoggerFactory.getLogger(RememberedBrowsers.class);

    private final JdbcClient jdbc;
    private final AccountSessionRepository sessions;
    private final AccountsProperties properties;
    private final Clock clock;

    RememberedBrowsers(JdbcClient jdbc, AccountSessionRepository sessions, AccountsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    /** A remembered browser's token, for its cookie; toString hides it. */
    public record Token(String value, java.time.Duration validity) {
        @Override
        public String toString() {
            return "RememberedBrowsers.Token[redacted]";
        }
    }

    /** How long a remembered browser counts (the cookie's lifetime too). */
    public java.time.Duration validity() {
        return properties.rememberBrowser();
    }

    /**
     * The session of this account has just passed its second step with {@code kind} (proven as {@code amr}): a new
     * token for this browser.
     * The account's expired rows go at the same time.
     */
    public Token remember(AccountId account, MethodKind kind, String amr) {
        if (kind == MethodKind.SECURITY_KEY) {
            throw new IllegalArgumentException("A security key is asked for each time");
        }
        Instant now = clock.instant();
        String token = SessionToken.random().value();
        jdbc.sql("delete from remembered_browser where account_id = ? and expires_at <= ?").params(account.value(), java.sql.Timestamp.from(now))
                .update();
        jdbc.sql("""
                insert into remembered_browser (token_digest, account_id, kind, amr, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""").params(SessionToken.sha256(token), account.value(), kind.name(),
                amr, java.sql.Timestamp.from(now),
                java.sql.Timestamp.from(now.plus(properties.rememberBrowser()))).update();
        log.info("Account {} remembered a browser ({})", account, kind);
        return new Token(token, properties.rememberBrowser());
    }

    /**
     * The password was right in a browser holding {@code token}: if it is this account's and still valid, the session
     * has proven what the browser was remembered with (at most AAL2) and the second step is skipped.
     *
     * @return whether the session passed its second step so
     */
    public boolean recognize(AccountId account, SessionToken session, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return false;
        }
        Optional<java.util.Map<String, Object>> found = jdbc.sql("""
                select kind, amr from remembered_browser
                where token_digest = ? and account_id = ? and expires_at > ?""")
                .params(SessionToken.sha256(token), account.value(), java.sql.Timestamp.from(clock.instant())).query().listOfRows().stream()
                .findFirst();
        if (found.isEmpty()) {
            return false;
        }
        MethodKind kind = MethodKind.valueOf((String) found.get().get("kind"));
        Assurance assurance = kind.assurance().atLeast(Assurance.AAL2_PHISHING_RESISTANT) ? Assurance.AAL2
                : kind.assurance();
        sessions.upgrade(session.digest(), assurance, "pwd," + found.get().get("amr"));
        log.info("Account {} signed in from a remembered browser ({})", account, kind);
        return true;
    }

    /** A security event (a method added or removed, a new password, the person's own button): every browser forgotten. */
    public void forgetAll(AccountId account) {
        int forgotten = jdbc.sql("delete from remembered_browser where account_id = ?").param(account.value()).update();
        if (forgotten > 0) {
            log.info("Account {}: {} remembered browser(s) forgotten", account, forgotten);
        }
    }
}
