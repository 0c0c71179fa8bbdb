package io.proofline.accounts.web;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.jackson.WebauthnJackson2Module;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.proofline.accounts.SecondFactors;
import io.proofline.web.ReturnTo;
import io.proofline.web.TypedText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A security key or passkey (WebAuthn) as a second method, through Spring Security's relying party: the browser gets
 * the options from Spring Security ({@code /webauthn/register/options}, {@code /webauthn/authenticate/options}) and
 * posts the key's answer here (static/js/security-key.js). The answer is verified with
 * {@link WebAuthnRelyingPartyOperations}, and the session keeps its {@link SignedInAccount} (Spring Security's own
 * endpoints would replace it): a registration needs a session that may add a method; a sign-in's second step counts
 * only with a key of the account that entered the password.
 */
@Controller
class SecurityKeyController {

    private static final Logger log = LoggerFactory.getLogger(SecurityKeyController.class);

    static final String ADD = "/second-factor/security-key";
    static final String SIGN_IN_STEP = "/sign-in/security-key";
    private static final String NEXT = "/verify";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new WebauthnJackson2Module());
    private static final TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>> ASSERTION = new TypeReference<>() {
    };

    private final SecondFactors secondFactors;
    private final SignedInAccounts signedIn;
    private final WebAuthnRelyingPartyOperations relyingParty;
    private final PublicKeyCredentialCreationOptionsRepository creationOptions;
    private final PublicKeyCredentialRequestOptionsRepository requestOptions = new HttpSessionPublicKeyCredentialRequestOptionsRepository();

    SecurityKeyController(SecondFactors secondFactors, SignedInAccounts signedIn,
            WebAuthnRelyingPartyOperations relyingParty, PublicKeyCredentialCreationOptionsRepository creationOptions) {
        this.secondFactors = secondFactors;
        this.signedIn = signedIn;
        this.relyingParty = relyingParty;
        this.creationOptions = creationOptions;
    }

    @GetMapping(ADD)
    String addPage(HttpServletRequest request, Model model) {
        if (mayAdd(request).isEmpty()) {
            return "redirect:/sign-in";
        }
        model.addAttribute("signedIn", true);
        return "accounts/add-security-key";
    }

    /** The key's answer to {@code /webauthn/register/options}: {@code {"publicKey": {"credential": ..., "label": ...}}}. */
    @PostMapping(path = ADD, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> register(@RequestBody String body, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<SignedInAccounts.Halfway> session = mayAdd(request);
        if (session.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("next", "/sign-in"));
        }
        PublicKeyCredentialCreationOptions options = creationOptions.load(request);
        creationOptions.save(request, response, null);
        RelyingPartyPublicKey publicKey;
        try {
            JsonNode tree = JSON.readTree(body);
            publicKey = JSON.treeToValue(tree.path("publicKey"), RelyingPartyPublicKey.class);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return refused("registration unreadable");
        }
        String label = publicKey.getLabel() == null ? "" : publicKey.getLabel();
        if (options == null || !options.getUser().getName().equals(session.get().account().toString())
                || TypedText.problem(label, TypedText.NAME) != null) {
            return refused("registration without this session's options or with a label refused");
        }
        try {
            relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options, publicKey));
        } catch (RuntimeException notVerified) {
            return refused("registration not verified (" + notVerified.getClass().getSimpleName() + ")");
        }
        secondFactors.securityKeyProven(session.get().account(), session.get().session());
        signedIn.forget(request);
        return ResponseEntity.ok(Map.of("next", ReturnTo.waitingAgencyRequest(request) ? ReturnTo.CONTINUE : NEXT));
    }

    /** The second step of a sign-in: the key's answer to {@code /webauthn/authenticate/options}. */
    @PostMapping(path = SIGN_IN_STEP, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> signIn(@RequestBody String body, HttpServletRequest request,
            HttpServletResponse response) {
        Optional<SignedInAccounts.Halfway> session = signedIn.halfway(request);
        if (session.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("next", "/sign-in"));
        }
        PublicKeyCredentialRequestOptions options = requestOptions.load(request);
        requestOptions.save(request, response, null);
        if (options == null) {
            return refused("sign-in without options");
        }
        PublicKeyCredentialUserEntity owner;
        try {
            owner = relyingParty.authenticate(new RelyingPartyAuthenticationRequest(options, JSON.readValue(body, ASSERTION)));
        } catch (JsonProcessingException | RuntimeException notVerified) {
            return refused("sign-in not verified (" + notVerified.getClass().getSimpleName() + ")");
        }
        // Spring Security answers whose key it is, whichever account asked: a key of another account proves nothing
        // about this one (its password may have been guessed by the key's owner).
        if (owner == null || !owner.getName().equals(session.get().account().toString())) {
            log.warn("Account {}'s second step was offered a security key of another account: refused",
                    session.get().account());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "refused"));
        }
        secondFactors.securityKeyProven(session.get().account(), session.get().session());
        signedIn.forget(request);
        return ResponseEntity.ok(Map.of("next", ReturnTo.waitingAgencyRequest(request) ? ReturnTo.CONTINUE : NEXT));
    }

    private Optional<SignedInAccounts.Halfway> mayAdd(HttpServletRequest request) {
        return signedIn.halfway(request).filter(session -> secondFactors.mayAdd(session.account(), session.assurance()));
    }

    private static ResponseEntity<Map<String, String>> refused(String why) {
        log.info("A security key was refused: {}", why);
        return ResponseEntity.badRequest().body(Map.of("error", "refused"));
    }
}
