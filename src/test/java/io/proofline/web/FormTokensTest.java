package io.proofline.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.Cookie;

class FormTokensTest {

    private final FormTokens tokens = new FormTokens();

    @Test
    void aPageGetsATokenCookieAndEveryFormCarriesTheSameToken() throws Exception {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/verify");
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(tokens.preHandle(page, response, new Object())).isTrue();

        String setCookie = response.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith(FormTokens.COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax");
        String token = setCookie.substring(FormTokens.COOKIE.length() + 1, setCookie.indexOf(';'));
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(tokens.getExtraHiddenFields(page)).containsEntry(FormTokens.FIELD, token);
    }

    @Test
    void aPostWithTheMatchingTokenPasses() throws Exception {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/verify/EnterSsn");
        post.setCookies(new Cookie(FormTokens.COOKIE, "the-token-of-this-browser"));
        post.addParameter(FormTokens.FIELD, "the-token-of-this-browser");

        assertThat(tokens.preHandle(post, new MockHttpServletResponse(), new Object())).isTrue();
    }

    @Test
    void aCrossSitePostIsRefusedBeforeAnyHandlerRuns() throws Exception {
        MockHttpServletRequest withoutField = new MockHttpServletRequest("POST", "/verify/ConsentToShare");
        withoutField.setCookies(new Cookie(FormTokens.COOKIE, "the-token-of-this-browser"));
        MockHttpServletRequest forged = new MockHttpServletRequest("POST", "/sign-out");
        forged.setCookies(new Cookie(FormTokens.COOKIE, "the-token-of-this-browser"));
        forged.addParameter(FormTokens.FIELD, "a-guess");
        MockHttpServletRequest noCookie = new MockHttpServletRequest("POST", "/sign-in");
        noCookie.addParameter(FormTokens.FIELD, "a-guess");

        for (MockHttpServletRequest post : new MockHttpServletRequest[] {withoutField, forged, noCookie}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            assertThat(tokens.preHandle(post, response, new Object())).as(post.getRequestURI()).isFalse();
            assertThat(response.getStatus()).isEqualTo(403);
        }
    }
}
