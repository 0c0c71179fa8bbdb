package io.proofline.accounts.web;

import static io.proofline.web.FormPosts.withFormToken;
import static org.assertj.core.api.Assertions.assertThat;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.proofline.pivcac.CardReaderPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.AccountsProperties;
import io.proofline.accounts.Assurance;
import io.proofline.accounts.SecondFactors;
import io.proofline.accounts.SignedInSession;
import io.proofline.accounts.SessionToken;
import io.proofline.accounts.SignInResult;
import io.proofline.web.Languages;
import io.proofline.web.LocalTimes;
import io.proofline.web.WebSecurity;
import jakarta.servlet.http.Cookie;

/** What sign-in says to a person, and what they do to the session: a new id, a new form token. */
@WebMvcTest(AccountPagesController.class)
@Import({SignedInAccounts.class, WebSecurity.class, AccountPagesControllerTest.Properties.class})
class AccountPagesControllerTest {

    @TestConfiguration
    static class Properties {
        @Bean
        AccountsProperties accountsProperties() {
            return new AccountsProperties(Duration.ofMinutes(15), 12, Duration.ofHours(24), Duration.ofDays(30));
        }
    }

    private static final String CSRF_IN_SESSION = HttpSessionCsrfTokenRepository.class.getName()
            .concat(".CSRF_TOKEN");

    @Autowired MockMvc mvc;
    @Autowired SignedInAccounts signedIn;
    @MockitoBean Accounts accounts;
    @MockitoBean SecondFactors secondFactors;
    @MockitoBean io.proofline.accounts.RememberedBrowsers rememberedBrowsers;
    @MockitoBean CardReaderPort cardReaderPort;
    @MockitoBean io.proofline.accounts.SessionProfiles sessionProfiles;

    @Test
    void aPasswordGivesTheSessionANewIdAndFormTokenHoldsTheAccountHalfwayAndAsksForTheSecondStep() throws Exception {
        AccountId account = new AccountId(UUID.randomUUID());
        SessionToken token = new SessionToken("token-value");
        when(accounts.signIn("jo@example.org", "a long and honest passphrase", "127.0.0.1", false))
                .thenReturn(new SignInResult.SignedIn(account, token));
        when(accounts.session(token)).thenReturn(Optional.of(new SignedInSession(account, Assurance.AAL1, List.of("pwd"))));
        when(secondFactors.hasAny(account)).thenReturn(true);
        MockHttpSession session = new MockHttpSession();
        String idBefore = session.getId();
        String formToken = formTokenOf(mvc.perform(get("/sign-in").session(session)).andReturn());
        Object tokenBefore = session.getAttribute(CSRF_IN_SESSION);
        assertThat(tokenBefore).isNotNull();

        MvcResult signIn = mvc.perform(post("/sign-in").session(session).param("_csrf", formToken)
                        .param("email", " jo@example.org ").param("password", "a long and honest passphrase"))
                .andExpect(redirectedUrl("/sign-in/second-factor")).andReturn();

        MockHttpServletRequest request = signIn.getRequest();
        assertThat(request.getSession().getId()).as("a new session id: no fixation").isNotEqualTo(idBefore);
        assertThat(request.getSession().getAttribute(CSRF_IN_SESSION)).as("the old form token is gone")
                .isNotEqualTo(tokenBefore);
        MockHttpServletRequest next = new MockHttpServletRequest();
        next.setSession(request.getSession());
        assertThat(signedIn.halfway(next)).as("the next request, with the session only, halfway")
                .hasValueSatisfying(halfway -> assertThat(halfway.account()).isEqualTo(account));
        assertThat(signedIn.of(new MockHttpServletRequest() {{ setSession(request.getSession()); }}))
                .as("not past the password yet").isEmpty();
    }

    @Test
    void aSignInOffersTheBrowsersRememberedTokenForItsAccountAndNothingWithoutTheCookie() throws Exception {
        AccountId account = new AccountId(UUID.randomUUID());
        SessionToken token = new SessionToken("token-value");
        when(accounts.signIn(any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean()))
                .thenReturn(new SignInResult.SignedIn(account, token));
        when(accounts.session(token)).thenReturn(Optional.of(new SignedInSession(account, Assurance.AAL1, List.of("pwd"))));
        when(secondFactors.hasAny(account)).thenReturn(true);
        when(rememberedBrowsers.recognize(account, token, "remembered")).thenReturn(true);

        mvc.perform(post("/sign-in").with(withFormToken()).cookie(new Cookie(RememberedBrowserCookie.NAME, "remembered"))
                        .param("email", "jo@example.org").param("password", "a long and honest passphrase"))
                .andExpect(redirectedUrl("/sign-in/second-factor"));
        verify(rememberedBrowsers).recognize(account, token, "remembered");

        mvc.perform(post("/sign-in").with(withFormToken()).cookie(new Cookie(RememberedBrowserCookie.NAME, "forged"))
                        .param("email", "jo@example.org").param("password", "a long and honest passphrase"))
                .andExpect(redirectedUrl("/sign-in/second-factor"));
        verify(rememberedBrowsers).recognize(account, token, "forged");
        mvc.perform(post("/sign-in").with(withFormToken())
                        .param("email", "jo@example.org").param("password", "a long and honest passphrase"))
                .andExpect(redirectedUrl("/sign-in/second-factor"));
        verify(rememberedBrowsers, org.mockito.Mockito.times(2)).recognize(any(), any(), any());
    }

    @Test
    void aWrongPasswordSaysHowManyTriesAreLeftAndKeepsTheEmailButNotThePassword() throws Exception {
        when(accounts.signIn(any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenReturn(new SignInResult.Rejected(2));
        mvc.perform(post("/sign-in").with(withFormToken()).param("email", "jo@example.org").param("password", "secret-typed-wrong"))
                .andExpect(content().string(allOf(containsString("You have 2 more tries"),
                        containsString("value=\"jo@example.org\""), not(containsString("secret-typed-wrong")))));
    }

    @Test
    void aPausedSignInSaysUntilWhenInThePersonsLanguage() throws Exception {
        Instant until = Instant.parse("2026-11-23T09:30:00Z");
        when(accounts.signIn(any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenReturn(new SignInResult.Locked(until));
        mvc.perform(post("/sign-in").with(withFormToken()).cookie(new Cookie("proofline-lang", "fr"))
                        .param("email", "jo@example.org").param("password", "x"))
                .andExpect(content().string(containsString(
                        "Vous pourrez vous reconnecter après le " + LocalTimes.dateAndTime(until, Languages.FRENCH))));
    }

    /** The hidden field a rendered form carries. */
    private static String formTokenOf(MvcResult page) throws Exception {
        Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getResponse().getContentAsString());
        assertThat(field.find()).as("the page's form carries its token").isTrue();
        return field.group(1);
    }

    /** Wrong passwords count per account and client: the client is the address the request came from. */
    @Test
    void aSignInIsCountedAgainstTheAddressItCameFrom() throws Exception {
        when(accounts.signIn(any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenReturn(new SignInResult.Rejected(4));
        mvc.perform(post("/sign-in").with(withFormToken()).with(request -> {
                    request.setRemoteAddr("198.51.100.23");
                    return request;
                }).param("email", "jo@example.org").param("password", "a wrong passphrase"))
                .andExpect(content().string(containsString("You have 4 more tries")));
        verify(accounts).signIn("jo@example.org", "a wrong passphrase", "198.51.100.23", false);
    }

    @Test
    void aPausedSignInSaysUntilWhenInEnglishToo() throws Exception {
        Instant until = Instant.parse("2026-11-23T09:31:04Z");
        when(accounts.signIn(any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenReturn(new SignInResult.Locked(until));
        mvc.perform(post("/sign-in").with(withFormToken()).param("email", "jo@example.org").param("password", "x"))
                .andExpect(content().string(containsString(
                        "You can sign in again after " + LocalTimes.dateAndTime(until, Languages.ENGLISH))));
    }

    @Test
    void signingOutEndsTheServersSessionAndTheBrowsers() throws Exception {
        AccountId account = new AccountId(UUID.randomUUID());
        SessionToken token = new SessionToken("token-value");
        MockHttpSession session = new MockHttpSession();
        SecurityContextImpl context = new SecurityContextImpl(new SignedInAccount(account, token));
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);

        mvc.perform(post("/sign-out").with(withFormToken()).session(session))
                .andExpect(redirectedUrl("/sign-in?signedOut"));

        verify(accounts).signOut(token);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aFormPostWithoutTheSessionsTokenIsRefused() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(CSRF_IN_SESSION, new HttpSessionCsrfTokenRepository().generateToken(null));

        mvc.perform(post("/sign-in").session(session).param("_csrf", "made-up-by-another-site")
                        .param("email", "jo@example.org").param("password", "a long and honest passphrase"))
                .andExpect(status().isForbidden());
        // no session at all: a page left open too long
        mvc.perform(post("/sign-in").param("email", "jo@example.org").param("password", "a long and honest passphrase"))
                .andExpect(redirectedUrl("/sign-in?sessionEnded"));
        verify(accounts, never()).signIn(any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
    }

    @Test
    void anOversizedOrControlCharacterFieldIsRefusedBeforeAnyAccountIsLookedAt() throws Exception {
        String longEmail = "j".repeat(2000) + "@example.org";
        mvc.perform(post("/sign-in").with(withFormToken()).param("email", longEmail).param("password", "a long and honest passphrase"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("longer than we accept"), containsString("href=\"#email\""))));
        mvc.perform(post("/sign-in").with(withFormToken()).cookie(new Cookie("proofline-lang", "fr"))
                        .param("email", "jo@example.org").param("password", "x".repeat(300)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("plus long que ce que nous acceptons")));
        mvc.perform(post("/sign-in").with(withFormToken()).param("email", "jo\u0000@example.org").param("password", "x"))
                .andExpect(content().string(containsString("control characters")));
        verify(accounts, never()).signIn(any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
    }
}
