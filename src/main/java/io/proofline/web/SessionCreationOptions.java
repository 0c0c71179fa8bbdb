package io.proofline.web;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The options of a security key's registration, between {@code /webauthn/register/options} and the registration
 * itself, in the session as plain values: Spring Security's {@code PublicKeyCredentialCreationOptions} is not
 * serializable, and the postgres profile's sessions live in Redis. What the registration's check reads (the
 * challenge, the site, the person, the algorithms, the user verification asked for) comes back as it was.
 */
final class SessionCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = SessionCreationOptions.class.getName();

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
            PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384, PublicKeyCredentialParameters.RS512,
            PublicKeyCredentialParameters.RS1);
    private static final List<UserVerificationRequirement> USER_VERIFICATIONS = List.of(
            UserVerificationRequirement.DISCOURAGED, UserVerificationRequirement.PREFERRED,
            UserVerificationRequirement.REQUIRED);

    record Stashed(byte[] challenge, String rpId, String rpName, byte[] userId, String userName, String userDisplayName,
            List<Long> algorithms, String userVerification, String residentKey, long timeoutMillis, String attestation)
            implements Serializable {
    }

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            Optional.ofNullable(request.getSession(false)).ifPresent(session -> session.removeAttribute(ATTRIBUTE));
            return;
        }
        AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
        request.getSession().setAttribute(ATTRIBUTE, new Stashed(options.getChallenge().getBytes(),
                options.getRp().getId(), options.getRp().getName(), options.getUser().getId().getBytes(),
                options.getUser().getName(), options.getUser().getDisplayName(),
                options.getPubKeyCredParams().stream().map(parameters -> parameters.getAlg().getValue()).toList(),
                selection == null || selection.getUserVerification() == null ? null : selection.getUserVerification().getValue(),
                selection == null || selection.getResidentKey() == null ? null : selection.getResidentKey().getValue(),
                options.getTimeout() == null ? 0 : options.getTimeout().toMillis(),
                options.getAttestation() == null ? null : options.getAttestation().getValue()));
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Stashed stashed)) {
            return null;
        }
        AuthenticatorSelectionCriteria.AuthenticatorSelectionCriteriaBuilder selection = AuthenticatorSelectionCriteria.builder();
        USER_VERIFICATIONS.stream().filter(known -> known.getValue().equals(stashed.userVerification())).findFirst()
                .ifPresent(selection::userVerification);
        Optional.ofNullable(stashed.residentKey()).map(ResidentKeyRequirement::valueOf).ifPresent(selection::residentKey);
        return PublicKeyCredentialCreationOptions.builder()
                .challenge(new Bytes(stashed.challenge()))
                .rp(PublicKeyCredentialRpEntity.builder().id(stashed.rpId()).name(stashed.rpName()).build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder().id(new Bytes(stashed.userId()))
                        .name(stashed.userName()).displayName(stashed.userDisplayName()).build())
                .pubKeyCredParams(stashed.algorithms().stream().flatMap(value -> ALGORITHMS.stream()
                        .filter(known -> known.getAlg().getValue() == value)).toList())
                .authenticatorSelection(selection.build())
                .timeout(stashed.timeoutMillis() == 0 ? null : Duration.ofMillis(stashed.timeoutMillis()))
                .attestation(Stream.ofNullable(stashed.attestation()).map(AttestationConveyancePreference::valueOf)
                        .findFirst().orElse(null))
                .build();
    }
}
