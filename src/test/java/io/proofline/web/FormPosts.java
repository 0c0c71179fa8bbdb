package io.proofline.web;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** For MockMvc posts: the session's form token, as a rendered page would carry it (Spring Security's CSRF token). */
public final class FormPosts {

    private FormPosts() {
    }

    public static RequestPostProcessor withFormToken() {
        return SecurityMockMvcRequestPostProcessors.csrf();
    }
}
