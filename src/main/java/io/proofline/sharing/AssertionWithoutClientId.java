package io.proofline.sharing;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

import com.nimbusds.jwt.SignedJWT;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A private_key_jwt token request that names its client only in the assertion, as RFC 7523 allows (Spring
 * Authorization Server requires a {@code client_id} too, which many agencies' libraries do not send): the client is
 * the assertion's {@code sub} (equal to its {@code iss}), and the assertion is then checked against that client's
 * registered keys like any other. Requests that send {@code client_id} go to Spring's own converter.
 */
final class AssertionWithoutClientId implements AuthenticationConverter {

    /** Spring's name for a JWT client assertion, which its provider then checks as private_key_jwt. */
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    @Override
    public Authentication convert(HttpServletRequest request) {
        String assertion = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION);
        if (assertion == null || request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null
                || !JWT_BEARER.equals(request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE))) {
            return null;
        }
        if (request.getParameterValues(OAuth2ParameterNames.CLIENT_ASSERTION).length != 1
                || request.getParameterValues(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE).length != 1) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
        }
        String clientId;
        try {
            var claims = SignedJWT.parse(assertion).getJWTClaimsSet();
            clientId = claims.getSubject();
            if (clientId == null || !clientId.equals(claims.getIssuer())) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
            }
        } catch (ParseException notAJwt) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        Map<String, Object> codeGrant = new HashMap<>();
        if (AuthorizationGrantType.AUTHORIZATION_CODE.getValue().equals(
                request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                && request.getParameter(OAuth2ParameterNames.CODE) != null) {
            // What the PKCE check reads (the code_verifier with the grant's other parameters).
            request.getParameterMap().forEach((name, values) -> {
                if (!name.equals(OAuth2ParameterNames.CLIENT_ASSERTION)
                        && !name.equals(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE)) {
                    codeGrant.put(name, values.length == 1 ? values[0] : values);
                }
            });
        }
        return new OAuth2ClientAuthenticationToken(clientId, new ClientAuthenticationMethod(JWT_BEARER), assertion,
                codeGrant);
    }
}
