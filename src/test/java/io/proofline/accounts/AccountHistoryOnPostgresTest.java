package io.proofline.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.proofline.support.DatabaseScan;
import io.proofline.support.PostgresIntegrationTest;

/**
 * The account's history as its owner reads it: each event where it happens, newest first, with the browser it came
 * from as a short description; neither the User-Agent nor the address is kept anywhere.
 */
class AccountHistoryOnPostgresTest extends PostgresIntegrationTest {

    static final String PASSWORD = "a password with a history";
    static final String FIREFOX_ON_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0 proofline-ua-marker";
    static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    static final String CLIENT = "198.51.100.77";

    @Autowired Accounts accounts;
    @Autowired SecondFactors secondFactors;
    @Autowired AccountHistory history;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void eachEventIsListedNewestFirstWithItsBrowserAndNoUserAgentOrAddressIsStored() {
        String email = "history." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        AccountId account = accounts.signUp(email, PASSWORD);

        from(FIREFOX_ON_WINDOWS);
        SessionToken first = signIn(email);
        assertThat(history.recent(account)).as("the password is half a sign-in").isEmpty();
        List<String> codes = secondFactors.addBackupCodes(account, first); // the first method completes the sign-in
        UUID firstCodes = secondFactors.methods(account).get(0).id();
        secondFactors.rename(account, firstCodes, "In the drawer");

        from(SAFARI_ON_IPHONE);
        SessionToken second = signIn(email);
        assertThat(secondFactors.verify(account, second, codes.get(0))).isInstanceOf(SecondFactors.CodeCheck.Accepted.class);
        secondFactors.addBackupCodes(account, second); // a session that is signed in already signs in no more
        secondFactors.remove(account, secondFactors.methods(account).stream()
                .filter(method -> !method.id().equals(firstCodes)).findFirst().orElseThrow().id());
        RequestContextHolder.resetRequestAttributes(); // as the engine's jobs do, in no request
        accounts.changePassword(account, PASSWORD, PASSWORD + " again");

        assertThat(history.recent(account)).extracting(event -> event.kind() + " " + event.browser())
                .containsExactly(
                        "PASSWORD_CHANGED unknown",
                        "METHOD_REMOVED Safari on iOS",
                        "METHOD_ADDED Safari on iOS",
                        "SIGNED_IN Safari on iOS",
                        "METHOD_RENAMED Firefox on Windows",
                        "METHOD_ADDED Firefox on Windows",
                        "SIGNED_IN Firefox on Windows");
        DatabaseScan scan = new DatabaseScan(jdbc);
        assertThat(scan.columnsHolding("proofline-ua-marker")).as("the raw User-Agent").isEmpty();
        assertThat(scan.columnsHolding("Gecko")).as("the raw User-Agent").isEmpty();
        assertThat(scan.columnsHolding(CLIENT)).as("the address").isEmpty();
    }

    @Test
    void theHistoryShowsTheLastFiftyEvents() {
        AccountId account = accounts.signUp("fifty." + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                PASSWORD);
        for (int i = 0; i < AccountHistory.SHOWN + 5; i++) {
            history.record(account, AccountHistory.Kind.METHOD_RENAMED);
        }
        assertThat(history.recent(account)).hasSize(AccountHistory.SHOWN);
    }

    private static void from(String userAgent) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("User-Agent", userAgent);
        request.setRemoteAddr(CLIENT);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    private SessionToken signIn(String email) {
        return ((SignInResult.SignedIn) accounts.signIn(email, PASSWORD, CLIENT)).session();
    }
}
