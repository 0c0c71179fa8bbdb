package io.proofline.accounts.web;

import static io.proofline.web.FormPosts.withFormToken;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.proofline.accounts.Accounts;
import io.proofline.accounts.AccountsException;
import io.proofline.accounts.AccountsProperties;
import io.proofline.accounts.LinkRequest;
import io.proofline.accounts.SignUps;
import io.proofline.pivcac.CardReaderPort;
import io.proofline.web.Languages;
import io.proofline.web.LocalTimes;
import io.proofline.web.WebSecurity;
import jakarta.servlet.http.Cookie;

/** What the sign-up pages say: the email first, then the password behind the emailed link. */
@WebMvcTest(SignUpController.class)
@Import({SignedInAccounts.class, WebSecurity.class, SignUpControllerTest.Properties.class})
class SignUpControllerTest {

    @TestConfiguration
    static class Properties {
        @Bean
        AccountsProperties accountsProperties() {
            return new AccountsProperties(Duration.ofMinutes(15), 12, Duration.ofHours(24), Duration.ofDays(30));
        }
    }

    private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE";

    @Autowired MockMvc mvc;
    @MockitoBean SignUps signUps;
    @MockitoBean Accounts accounts;
    @MockitoBean io.proofline.accounts.SecondFactors secondFactors;
    @MockitoBean io.proofline.accounts.SessionProfiles sessionProfiles;
    @MockitoBean CardReaderPort cardReaderPort;

    @Test
    void theFirstPageAsksForTheEmailOnlyAndSaysALinkWillFollow() throws Exception {
        mvc.perform(get("/sign-up")).andExpect(content().string(allOf(containsString("id=\"email\""),
                not(containsString("id=\"password\"")), containsString("We will send a link to this address"))));
    }

    @Test
    void aSentLinkGoesToTheCheckYourEmailPageWithTheAddressInTheSessionNotTheUrl() throws Exception {
        when(signUps.start("jo@example.org", "198.51.100.23", Locale.ENGLISH)).thenReturn(new LinkRequest.Sent());
        mvc.perform(post("/sign-up").with(withFormToken()).with(request -> {
                    request.setRemoteAddr("198.51.100.23");
                    return request;
                }).param("email", " jo@example.org "))
                .andExpect(redirectedUrl("/sign-up/email-sent"))
                .andExpect(flash().attribute("sentTo", "jo@example.org"));
        mvc.perform(get("/sign-up/email-sent").flashAttr("sentTo", "jo@example.org"))
                .andExpect(content().string(containsString("We sent an email to jo@example.org")));
    }

    @Test
    void aPausedOrUnsentLinkSaysSoInThePersonsLanguageAndKeepsTheEmail() throws Exception {
        Instant until = Instant.parse("2026-12-02T18:00:00Z");
        when(signUps.start(any(), any(), any())).thenReturn(new LinkRequest.Paused(until));
        mvc.perform(post("/sign-up").with(withFormToken()).cookie(new Cookie("proofline-lang", "fr"))
                        .param("email", "jo@example.org"))
                .andExpect(content().string(allOf(
                        containsString("Vous pourrez en redemander après " + LocalTimes.dateAndTime(until, Languages.FRENCH)),
                        containsString("value=\"jo@example.org\""))));
        when(signUps.start(any(), any(), any())).thenReturn(new LinkRequest.NotSent());
        mvc.perform(post("/sign-up").with(withFormToken()).param("email", "jo@example.org"))
                .andExpect(content().string(containsString("We could not send the email just now")));
    }

    @Test
    void anOversizedOrMalformedEmailIsRefusedBeforeAnythingIsSent() throws Exception {
        mvc.perform(post("/sign-up").with(withFormToken()).param("email", "j".repeat(2000) + "@example.org"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("longer than we accept"), containsString("href=\"#email\""))));
        mvc.perform(post("/sign-up").with(withFormToken()).param("email", "not an address"))
                .andExpect(content().string(containsString("Enter an email address, like name@example.com")));
        verify(signUps, never()).start(any(), any(), any());
    }

    @Test
    void aLinkThatNoLongerWorksShowsNoPasswordForm() throws Exception {
        when(signUps.isOpen(TOKEN)).thenReturn(false);
        mvc.perform(get("/sign-up/confirm").param("token", TOKEN))
                .andExpect(content().string(allOf(containsString("This link no longer works"),
                        not(containsString("id=\"password\"")))));
    }

    @Test
    void aTooShortPasswordIsAskedAgainUnderTheSameLink() throws Exception {
        when(signUps.complete(TOKEN, "short")).thenThrow(AccountsException.PasswordTooShort.class);
        mvc.perform(post("/sign-up/confirm").with(withFormToken()).param("token", TOKEN).param("password", "short"))
                .andExpect(content().string(allOf(containsString("Your password is too short"),
                        containsString("value=\"" + TOKEN + "\""), not(containsString("value=\"short\"")))));
    }
}
