package io.proofline.web;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web security of our pages, from Spring Security: form tokens (CSRF) bound to the session and replaced at
 * sign-in, a new session id at sign-in (no fixation), its strict firewall on every request, the security headers,
 * and sign-out. Who is signed in is the accounts module's business ({@code SignedInAccounts}); this module only
 * gives it the session tools ({@link SessionAuthenticationStrategy}, {@link SecurityContextRepository}) and runs
 * the {@link LogoutHandler}s other modules declare. Camunda's webapps keep their own protections (CSRF, headers,
 * sign-in): their chain only passes the firewall. Actuator's chain is the system module's.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({WebSecurity.Properties.class, WebAuthnRelyingParty.Properties.class})
public class WebSecurity {

    /**
     * @param alwaysSecure the service is reached over TLS only (the postgres profile): HSTS on every response,
     *        not only on requests the server sees as secure (cookies are marked Secure by
     *        {@code server.servlet.session.cookie.secure})
     */
    @ConfigurationProperties("proofline.web")
    record Properties(boolean alwaysSecure) {
    }

    /** Everything from our own origin, nothing inline, no framing: the pages need no more. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";

    static final String SIGNED_OUT = "/sign-in?signedOut";
    static final String SESSION_ENDED = "/sign-in?sessionEnded";

    private static final String CAMUNDA_WEBAPPS = "/camunda/**";
    private static final String STATIC_ASSETS = "/uswds/**";
    private static final String WEBAUTHN_REGISTRATION = "/webauthn/register";

    /**
     * Spring Security's WebAuthn support requires one for its own passwordless sign-in ({@code POST /login/webauthn});
     * here a key is a second step only (the accounts module's), so it knows nobody and that sign-in always fails.
     */
    @Bean
    UserDetailsService nobodySignsInWithAKeyAlone() {
        return username -> {
            throw new UsernameNotFoundException("A security key is a second step here, never a sign-in of its own");
        };
    }

    @Bean
    CsrfTokenRepository csrfTokens() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    SecurityContextRepository securityContexts() {
        return new HttpSessionSecurityContextRepository();
    }

    /** What a sign-in does to the session: a new id (the old one may be an attacker's) and a new form token. */
    @Bean
    SessionAuthenticationStrategy signInSessions(CsrfTokenRepository csrfTokens) {
        return new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(),
                new CsrfAuthenticationStrategy(csrfTokens)));
    }

    /** Cockpit and its API: Camunda checks their sign-in, CSRF token and headers itself. */
    @Bean
    @Order(10)
    SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(CAMUNDA_WEBAPPS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(sessions -> sessions.disable())
                .anonymous(anonymous -> anonymous.disable())
                .build();
    }

    @Bean
    @Order(100)
    SecurityFilterChain pages(HttpSecurity http, Properties properties, WebAuthnRelyingParty.Properties webAuthn,
            CsrfTokenRepository csrfTokens,
            SecurityContextRepository securityContexts, ObjectProvider<LogoutHandler> signOutHandlers)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        // Spring Security's own registration of a key (and its removal) would skip who may add one
                        // and what the session proves: the accounts module registers keys itself.
                        .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.POST, WEBAUTHN_REGISTRATION)).denyAll()
                        .requestMatchers(PathPatternRequestMatcher.withDefaults()
                                .matcher(org.springframework.http.HttpMethod.DELETE, WEBAUTHN_REGISTRATION + "/{id}")).denyAll()
                        // The pages check who is signed in themselves (a wizard step sends a stranger to sign-in).
                        .anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .securityContext(context -> context.securityContextRepository(securityContexts))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(fixation -> fixation.changeSessionId()))
                .requestCache(cache -> cache.disable())
                // Security keys (WebAuthn): the options at /webauthn/register/options and /webauthn/authenticate/options
                // (the relying party is WebAuthnRelyingParty's bean, which Spring Security prefers to these settings;
                // they serve slices without it); the checks are the accounts module's.
                .webAuthn(relyingParty -> relyingParty.rpName(webAuthn.rpName()).rpId(webAuthn.rpId())
                        .allowedOrigins(Set.copyOf(webAuthn.allowedOrigins())).disableDefaultRegistrationPage(true))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> {
                    if (denied instanceof MissingCsrfTokenException && (request.getRequestedSessionId() == null
                            || !request.isRequestedSessionIdValid())) {
                        // The session ended (it timed out, or the server forgot it): a stale page, not a forgery.
                        response.sendRedirect(request.getContextPath() + SESSION_ENDED);
                    } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }))
                .logout(signOut -> {
                    signOut.logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                    .matcher(org.springframework.http.HttpMethod.POST, "/sign-out"))
                            .logoutSuccessUrl(SIGNED_OUT);
                    signOutHandlers.orderedStream().forEach(signOut::addLogoutHandler);
                })
                .headers(headers -> strictHeaders(headers, properties.alwaysSecure()));
        return http.build();
    }

    /** The headers of every page, for other modules' filter chains too (the authorization server's). */
    public static void strictHeaders(HeadersConfigurer<HttpSecurity> headers, boolean alwaysSecure) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frames -> frames.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .crossOriginOpenerPolicy(opener -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(hsts -> {
                    hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true);
                    if (alwaysSecure) {
                        hsts.requestMatcher(AnyRequestMatcher.INSTANCE);
                    }
                })
                // Pages show what a person typed in: no copy may stay in a shared computer's cache. USWDS may.
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter(notForStaticAssets(new StaticHeadersWriter("Cache-Control", "no-store")));
    }

    private static HeaderWriter notForStaticAssets(HeaderWriter writer) {
        RequestMatcher assets = PathPatternRequestMatcher.withDefaults().matcher(STATIC_ASSETS);
        return new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(assets), writer);
    }
}
