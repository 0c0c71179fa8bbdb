package io.proofline.proofing.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

import io.proofline.accounts.AccountId;
import io.proofline.accounts.AccountsException;
import io.proofline.accounts.Profiles;
import io.proofline.accounts.web.SignedInAccounts;
import io.proofline.address.InPersonProofing;
import io.proofline.address.LetterVerification;
import io.proofline.address.PhoneVerification;
import io.proofline.crypto.PersonalKey;
import io.proofline.crypto.PersonalKeys;
import io.proofline.crypto.SessionEncryptor;
import io.proofline.documents.DocumentCheck;
import io.proofline.documents.DocumentImages;
import io.proofline.journey.JourneyId;
import io.proofline.proofing.Journey;
import io.proofline.proofing.JourneyEngine;
import io.proofline.proofing.JourneyStep;
import io.proofline.proofing.Journeys;
import io.proofline.proofing.StaleStepException;
import io.proofline.resolution.IdentityChecks;
import io.proofline.throttle.ThrottleProperties;
import io.proofline.throttle.ThrottleType;
import io.proofline.vault.PiiVault;
import io.proofline.vault.ProofingPii;
import io.proofline.web.LocalTimes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The proofing wizard. {@code GET /verify} asks the engine where the signed-in person's journey stands and
 * shows that page; each step's form posts to {@code /verify/<StepId>}, which checks the input, hands the
 * person's data to the feature services and the vault, and completes the step with choices and outcomes
 * only. A form for a step the journey is not at (back button, refresh, second tab) changes nothing and
 * leads back to the current step.
 */
@Controller
class WizardController {

    static final String VERIFY = "redirect:/verify";
    static final String SIGN_IN = "redirect:/sign-in";
    /** Most checks finish within a second: waiting this long spares people a "we are checking" flash. */
    static final Duration CHECK_PATIENCE = Duration.ofMillis(1500);
    /**
     * The checking page reloads itself at once ({@code <meta http-equiv="refresh" content="0">}, no
     * JavaScript needed) and the server holds each reload this long while the check runs. The wait is here,
     * not in the meta tag, because a delayed refresh fails WCAG 2.2.1 (axe's critical meta-refresh rule).
     */
    static final Duration RELOAD_PATIENCE = Duration.ofSeconds(5);
    /** After this long the checking page says it takes longer than usual. */
    static final Duration USUAL_WAIT = Duration.ofSeconds(60);
    static final String PERSONAL_KEY_COOKIE = "proofline-personal-key";

    private static final Pattern SSN = Pattern.compile("(\\d{3})-?(\\d{2})-?(\\d{4})");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
    private static final Set<String> PROOFING_PATHS = Set.of("STATE_ID", "PIV_CAC", "IN_PERSON");
    private static final Set<String> ADDRESS_METHODS = Set.of("PHONE", "LETTER");
    private static final Set<String> CODE_CHANNELS = Set.of("SMS", "VOICE");
    /** The one-time code page's other ways forward (CODE, the code typed, is the form itself). */
    private static final Set<String> CODE_STEP_CHOICES = Set.of("RESEND", "CHANGE_NUMBER", "LETTER");

    private final SignedInAccounts signedIn;
    private final Journeys journeys;
    private final JourneyEngine engine;
    private final PiiVault vault;
    private final DocumentCheck documents;
    private final PhoneVerification phones;
    private final LetterVerification letters;
    private final InPersonProofing inPerson;
    private final Profiles profiles;
    private final SessionEncryptor sessionEncryptor;
    private final JourneyEndings endings;
    private final PausedPaths pausedPaths;
    private final AcceptedPhotos acceptedPhotos;
    private final CardHandOffs cardHandOffs;
    private final ThrottleProperties throttles;
    private final IdentityChecks identityChecks;

    WizardController(SignedInAccounts signedIn, Journeys journeys, JourneyEngine engine, PiiVault vault,
            DocumentCheck documents, PhoneVerification phones, LetterVerification letters, InPersonProofing inPerson,
            Profiles profiles, SessionEncryptor sessionEncryptor, JourneyEndings endings, PausedPaths pausedPaths,
            AcceptedPhotos acceptedPhotos, CardHandOffs cardHandOffs, ThrottleProperties throttles,
            IdentityChecks identityChecks) {
        this.identityChecks = identityChecks;
        this.signedIn = signedIn;
        this.journeys = journeys;
        this.engine = engine;
        this.vault = vault;
        this.documents = documents;
        this.phones = phones;
        this.letters = letters;
        this.inPerson = inPerson;
        this.profiles = profiles;
        this.sessionEncryptor = sessionEncryptor;
        this.endings = endings;
        this.pausedPaths = pausedPaths;
        this.acceptedPhotos = acceptedPhotos;
        this.cardHandOffs = cardHandOffs;
        this.throttles = throttles;
    }

    // ---- the page for where the journey stands

    @GetMapping("/verify")
    String currentStep(@RequestParam(required = false) Long checkingSince, Locale locale, Model model,
            HttpServletRequest request) throws InterruptedException {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return SIGN_IN;
        }
        model.addAttribute("signedIn", true);
        if (endings.isVerified(account.get())) {
            model.addAttribute("verified", true);
            return "verify/done";
        }
        if (endings.lastJourneyFailed(account.get())) {
            return "verify/done"; // not verified: what happened and "start again" (a POST, which starts the journey)
        }
        Journey journey = journeys.startOrResume(account.get());
        JourneyStep step = awaitCheck(journey.id(), checkingSince == null ? CHECK_PATIENCE : RELOAD_PATIENCE);
        return switch (step.kind()) {
            case TASK -> showTask(step, journey.id(), request, model);
            case CHECKING -> showChecking(checkingSince, model);
            case UNAVAILABLE -> "verify/unavailable";
            case WAITING -> showWait(step, account.get(), journey.id(), locale, model);
            case ENDED -> switch (endings.of(account.get(), journey.id())) {
                case VERIFIED -> {
                    model.addAttribute("verified", true);
                    yield "verify/done";
                }
                case NOT_VERIFIED -> "verify/done";
                // ended, but the profile's activation or the consent not yet seen: still being finished
                case NOT_YET_KNOWN -> showChecking(checkingSince, model);
            };
        };
    }

    private static String showChecking(Long checkingSince, Model model) {
        long now = System.currentTimeMillis() / 1000;
        long since = checkingSince == null || checkingSince > now ? now : checkingSince;
        model.addAttribute("refresh", "0;url=/verify?checkingSince=" + since);
        model.addAttribute("takingLong", now - since >= USUAL_WAIT.toSeconds());
        model.addAttribute("waitedSeconds", now - since);
        model.addAttribute("usualWaitSeconds", USUAL_WAIT.toSeconds());
        return "verify/checking";
    }

    private JourneyStep awaitCheck(JourneyId journey, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        JourneyStep step = engine.currentStep(journey);
        while (step.kind() == JourneyStep.Kind.CHECKING && System.nanoTime() < deadline) {
            Thread.sleep(100);
            step = engine.currentStep(journey);
        }
        return step;
    }

    private String showWait(JourneyStep step, AccountId account, JourneyId journey, Locale locale, Model model) {
        if (Steps.isLockout(step.activityId()) && step.lockedUntil() != null) {
            model.addAttribute("lockedUntil", LocalTimes.moment(step.lockedUntil(), locale));
            // a lockout of one way (the ID's photos, the card) leaves the others open meanwhile: say which
            if (PausedPaths.PATH_OF_WAIT.containsKey(step.activityId())) {
                model.addAttribute("openPaths", PausedPaths.openNames(pausedPaths.of(account, locale), cardHandOffs.available()));
            }
            return "verify/locked";
        }
        if (step.is(Steps.TIME_TO_ASK_USPS) || step.is(Steps.ENROLLMENT_DEADLINE)) {
            inPerson.enrollment(journey).ifPresent(enrollment -> {
                model.addAttribute("enrollmentCode", enrollment.code());
                model.addAttribute("enrollmentDeadline", LocalTimes.moment(enrollment.expiresAt(), locale));
            });
            return "verify/in-person";
        }
        return "verify/waiting";
    }

    private String showTask(JourneyStep step, JourneyId journey, HttpServletRequest request, Model model) {
        String outcomeName = Steps.OUTCOME_SHOWN_AT.get(step.activityId());
        String outcome = outcomeName == null ? null : step.outcomes().get(outcomeName);
        model.addAttribute("vendorError", "VENDOR_ERROR".equals(outcome));
        model.addAttribute("failed", "FAIL".equals(outcome));
        String reasonsName = Steps.REASONS_SHOWN_AT.get(step.activityId());
        model.addAttribute("failureAdvice", "FAIL".equals(outcome) && reasonsName != null
                ? FailureAdvice.messageKeys(step.outcomes().get(reasonsName))
                : List.of());
        model.addAttribute("attemptsRemaining", step.attemptsRemaining());
        addLockoutLength(step.activityId(), model);
        // the letter pages say how long a code works, as configured (proofline.policy.letter-code-validity)
        model.addAttribute("letterCodeValidityDays", letters.codeValidity().toDays());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LinkedHashMap<String, String>());
        }
        @SuppressWarnings("unchecked")
        Map<String, String> form = (Map<String, String>) model.getAttribute("form");
        switch (step.activityId()) {
            case Steps.REVIEW_DETAILS -> {
                ProofingPii pii = vault.find(journey).orElse(ProofingPii.empty());
                model.addAttribute("firstName", pii.firstName());
                model.addAttribute("lastName", pii.lastName());
                model.addAttribute("dateOfBirth", pii.dateOfBirth());
                form.putIfAbsent("street", pii.street());
                form.putIfAbsent("city", pii.city());
                form.putIfAbsent("state", pii.state());
                form.putIfAbsent("zip", pii.zip());
                form.putIfAbsent("ssn", pii.ssn());
            }
            case Steps.CONSENT_TO_PROOFING -> addPausedPaths(request, model);
            case Steps.UPLOAD_DOCUMENTS -> {
                Map<String, String> refused = AcceptedPhotos.decode(request.getParameter("uploadErrors"));
                if (!refused.isEmpty()) {
                    model.addAttribute("errors", refused);
                }
                model.addAttribute("keptPhotos", acceptedPhotos.kept(journey));
            }
            case Steps.CHOOSE_PROOFING_PATH -> {
                model.addAttribute("cardsReadHere", cardHandOffs.available());
                addPausedPaths(request, model);
            }
            // shown again when the phone could not receive the code: the number stays, the way may change
            case Steps.ENTER_PHONE -> typedPhone(journey).ifPresent(phone -> form.putIfAbsent("phone", phone));
            case Steps.ENTER_ONE_TIME_CODE -> {
                typedPhone(journey).ifPresent(phone -> model.addAttribute("codeSentTo", phone));
                model.addAttribute("codeSentAgain", "RESENT".equals(outcome));
            }
            case Steps.CONNECT_CARD -> {
                model.addAttribute("cardReaderUrl", cardHandOffs.link(journey, request).orElse(null));
                model.addAttribute("noCardPresented", CardReaderController.NO_CARD.equals(request.getParameter("card")));
            }
            case Steps.CONFIRM_LETTER_ADDRESS -> model.addAttribute("pii", vault.find(journey).orElse(ProofingPii.empty()));
            case Steps.SAVE_PERSONAL_KEY -> model.addAttribute("personalKey",
                    sealedPersonalKey(request, journey).map(WizardController::formatted).orElse(null));
            case Steps.ENTER_LETTER_CODE -> letters.latestCodeExpiry(journey).ifPresent(expiry -> model.addAttribute(
                    "letterCodeExpiresAt", LocalTimes.moment(expiry, RequestContextUtils.getLocale(request))));
            case Steps.REQUEST_NEW_LETTER -> letters.latestCodeExpiry(journey).ifPresent(expiry -> model.addAttribute(
                    "letterCodeExpiredAt", LocalTimes.moment(expiry, RequestContextUtils.getLocale(request))));
            default -> {
                // the other steps show only their form
            }
        }
        return "verify/" + step.activityId();
    }

    /** The phone number as the person typed it, formatted: (406) 555-0134. */
    private Optional<String> typedPhone(JourneyId journey) {
        return vault.find(journey).map(ProofingPii::phone).filter(p -> p.length() == 10)
                .map(p -> "(" + p.substring(0, 3) + ") " + p.substring(3, 6) + "-" + p.substring(6));
    }

    /** Told at once, before a way is chosen again: the ways a lockout pauses, until when. */
    private void addPausedPaths(HttpServletRequest request, Model model) {
        List<PausedPaths.Paused> paused = signedIn.of(request)
                .map(account -> pausedPaths.of(account, RequestContextUtils.getLocale(request))).orElse(List.of());
        model.addAttribute("pausedPaths", paused);
        model.addAttribute("pausedPathIds", paused.stream().map(PausedPaths.Paused::path).toList());
    }

    /** How long the step would be locked: in whole hours when it is that, else in minutes. */
    private void addLockoutLength(String stepId, Model model) {
        String lockout = Steps.LOCKOUT_AT.get(stepId);
        if (lockout == null) {
            return;
        }
        Duration length = throttles.lockoutLength(ThrottleType.named(lockout));
        if (length.toMinutesPart() == 0 && length.toSecondsPart() == 0 && length.toHours() > 0) {
            model.addAttribute("lockoutHours", length.toHours());
        } else {
            model.addAttribute("lockoutMinutes", Math.max(1, length.toMinutes()));
        }
    }

    /**
     * What the checking page's script asks about once a second (instead of reloading the page, which a screen
     * reader announces each time): whether a check still runs. Nothing else, and nothing personal.
     */
    @GetMapping(value = "/verify/status", produces = "application/json")
    @ResponseBody
    Map<String, Boolean> checkStatus(HttpServletRequest request) {
        boolean checking = signedIn.of(request).flatMap(account -> journeys.active(account))
                .map(journey -> engine.currentStep(journey.id()).kind() == JourneyStep.Kind.CHECKING).orElse(false);
        return Map.of("checking", checking);
    }

    /**
     * A step's address opened directly: the language switch on a page re-shown with errors, a bookmark.
     * The language has already switched (the interceptor ran); the current step is shown.
     */
    @GetMapping("/verify/{stepId}")
    String stepAddressOpened() {
        return VERIFY;
    }

    // ---- one handler per step

    @PostMapping("/verify/ConsentToProofing")
    String consentToProofing(@RequestParam(required = false) String consent, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submit(Steps.CONSENT_TO_PROOFING, request, response, model, (account, journey, errors) -> {
            if (consent == null) {
                errors.put("consent", "verify.consent.error");
            }
            return Map.of();
        });
    }

    @PostMapping("/verify/ChooseProofingPath")
    String chooseProofingPath(@RequestParam(required = false) String proofingPath, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submit(Steps.CHOOSE_PROOFING_PATH, request, response, model, (account, journey, errors) -> {
            if (proofingPath == null || !PROOFING_PATHS.contains(proofingPath)
                    || "PIV_CAC".equals(proofingPath) && !cardHandOffs.available()) {
                errors.put("proofingPath-STATE_ID", "verify.path.error");
                return Map.of();
            }
            if (pausedPaths.of(account, RequestContextUtils.getLocale(request)).stream()
                    .anyMatch(paused -> paused.path().equals(proofingPath))) {
                errors.put("proofingPath-STATE_ID", "verify.path.paused");
                return Map.of();
            }
            return Map.of("proofingPath", proofingPath);
        });
    }

    /**
     * A refused photo sends the person back to the step by a redirect (a reload re-posts nothing), its refusal in the
     * address; the accepted photos are kept for the retry (AcceptedPhotos).
     */
    @PostMapping("/verify/UploadDocuments")
    String uploadDocuments(@RequestParam(required = false) MultipartFile front,
            @RequestParam(required = false) MultipartFile back, @RequestParam(required = false) MultipartFile selfie,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<String, MultipartFile> posted = new LinkedHashMap<>();
        posted.put("front", front);
        posted.put("back", back);
        posted.put("selfie", selfie);
        return submit(Steps.UPLOAD_DOCUMENTS, request, response, model, (account, journey, errors) -> {
            acceptedPhotos.take(journey, posted, errors).ifPresent(images -> documents.upload(journey, images));
            return Map.of();
        }, errors -> VERIFY + "?uploadErrors=" + AcceptedPhotos.encode(errors));
    }

    @PostMapping("/verify/EnterSsn")
    String enterSsn(@RequestParam(defaultValue = "") String ssn, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submit(Steps.ENTER_SSN, request, response, model, (account, journey, errors) -> {
            Map<String, String> form = form(model);
            form.put("ssn", ssn);
            String normalized = normalizedSsn(ssn);
            if (normalized == null) {
                errors.put("ssn", "verify.ssn.error");
            } else {
                vault.merge(journey, new ProofingPii(null, null, null, null, null, null, null, normalized, null));
            }
            return Map.of();
        });
    }

    /** Name and date of birth come from the ID and cannot be changed here; address and SSN can. */
    @PostMapping("/verify/ReviewDetails")
    String reviewDetails(@RequestParam Map<String, String> fields, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submit(Steps.REVIEW_DETAILS, request, response, model, (account, journey, errors) -> {
            Map<String, String> form = form(model);
            Address address = address(fields, form, errors);
            form.put("ssn", fields.getOrDefault("ssn", ""));
            String ssn = normalizedSsn(form.get("ssn"));
            if (ssn == null) {
                errors.put("ssn", "verify.ssn.error");
            }
            if (errors.isEmpty()) {
                vault.merge(journey, new ProofingPii(null, null, null, address.street, address.city, address.state,
                        address.zip, ssn, null));
            }
            return Map.of();
        });
    }

    /** In person: everything is typed, as it is on the ID the person will show at the Post Office. */
    @PostMapping("/verify/EnterIdDetails")
    String enterIdDetails(@RequestParam Map<String, String> fields, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submitPersonalDetails(Steps.ENTER_ID_DETAILS, fields, request, response, model);
    }

    /** With a PIV/CAC card, which carries no address or date of birth: those are typed. */
    @PostMapping("/verify/EnterPersonalDetails")
    String enterPersonalDetails(@RequestParam Map<String, String> fields, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submitPersonalDetails(Steps.ENTER_PERSONAL_DETAILS, fields, request, response, model);
    }

    private String submitPersonalDetails(String stepId, Map<String, String> fields, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submit(stepId, request, response, model, (account, journey, errors) -> {
            Map<String, String> form = form(model);
            String firstName = required(fields, form, errors, "firstName", "verify.details.error.firstName");
            String lastName = required(fields, form, errors, "lastName", "verify.details.error.lastName");
            LocalDate dateOfBirth = dateOfBirth(fields, form, errors);
            Address address = address(fields, form, errors);
            form.put("ssn", fields.getOrDefault("ssn", ""));
            String ssn = normalizedSsn(form.get("ssn"));
            if (ssn == null) {
                errors.put("ssn", "verify.ssn.error");
            }
            if (errors.isEmpty() && Steps.ENTER_PERSONAL_DETAILS.equals(stepId)
                    && !identityChecks.typedNameMatchesCard(journey, firstName, lastName)) {
                // Not counted: a typo in the name is corrected here, before the check that counts.
                errors.put("firstName", "verify.details.error.nameDiffersFromCard");
            }
            if (errors.isEmpty()) {
                vault.merge(journey, new ProofingPii(firstName, lastName, dateOfBirth, address.street, address.city,
                        address.state, address.zip, ssn, null));
            }
            return Map.of();
        });
    }

    @PostMapping("/verify/ChooseAddressMethod")
    String chooseAddressMethod(@RequestParam(required = false) String addressMethod, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submit(Steps.CHOOSE_ADDRESS_METHOD, request, response, model, (account, journey, errors) -> {
            if (addressMethod == null || !ADDRESS_METHODS.contains(addressMethod)) {
                errors.put("addressMethod-PHONE", "verify.addressMethod.error");
                return Map.of();
            }
            return Map.of("addressMethod", addressMethod);
        });
    }

    @PostMapping("/verify/EnterPhone")
    String enterPhone(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "SMS") String codeChannel,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit(Steps.ENTER_PHONE, request, response, model, (account, journey, errors) -> {
            form(model).put("phone", phone);
            form(model).put("codeChannel", codeChannel);
            String digits = phone.replaceAll("[\\s().+-]", "");
            if (digits.length() == 11 && digits.startsWith("1")) {
                digits = digits.substring(1);
            }
            if (!digits.matches("[2-9]\\d{9}")) {
                errors.put("phone", "verify.phone.error");
            }
            if (!CODE_CHANNELS.contains(codeChannel)) {
                errors.put("codeChannel-SMS", "verify.phone.channel.error");
            }
            if (!errors.isEmpty()) {
                return Map.of();
            }
            vault.merge(journey, new ProofingPii(null, null, null, null, null, null, null, null, digits));
            return Map.of("codeChannel", codeChannel);
        });
    }

    /**
     * The code typed, or, as Login.gov offers, the code sent again, another number, or a letter instead: none of
     * these counts as a wrong code. {@code oneTimeCodeCheck} then says RESENT or NOT_TRIED, so that the page shown
     * next says a new code went, not that the last one was wrong.
     */
    @PostMapping("/verify/EnterOneTimeCode")
    String enterOneTimeCode(@RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "CODE") String choice, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (CODE_STEP_CHOICES.contains(choice)) {
            return submit(Steps.ENTER_ONE_TIME_CODE, request, response, model, (account, journey, errors) -> Map.of(
                    "codeStepChoice", choice, "oneTimeCodeCheck", "RESEND".equals(choice) ? "RESENT" : "NOT_TRIED"));
        }
        StepWork typed = typedCode(code, "verify.oneTimeCode.error", "oneTimeCodeCheck", phones::verifyCode);
        return submit(Steps.ENTER_ONE_TIME_CODE, request, response, model, (account, journey, errors) -> {
            Map<String, Object> variables = new LinkedHashMap<>(typed.run(account, journey, errors));
            variables.put("codeStepChoice", "CODE");
            return variables;
        });
    }

    @PostMapping("/verify/ConfirmLetterAddress")
    String confirmLetterAddress(HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit(Steps.CONFIRM_LETTER_ADDRESS, request, response, model, (account, journey, errors) -> Map.of());
    }

    @PostMapping("/verify/EnterLetterCode")
    String enterLetterCode(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submit(Steps.ENTER_LETTER_CODE, request, response, model,
                typedCode(code, "verify.letterCode.error", "letterCodeCheck", letters::verify));
    }

    @PostMapping("/verify/RequestNewLetter")
    String requestNewLetter(HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit(Steps.REQUEST_NEW_LETTER, request, response, model, (account, journey, errors) -> Map.of());
    }

    /**
     * Seals the profile under the password. The personal key is shown on the next page only: until it is typed
     * back it lives in a cookie sealed with the session key, never in the engine or the vault.
     */
    @PostMapping("/verify/ReEnterPassword")
    String reEnterPassword(@RequestParam(defaultValue = "") String password, Locale locale,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return submit(Steps.RE_ENTER_PASSWORD, request, response, model, (account, journey, errors) -> {
            try {
                PersonalKey key = profiles.encryptProfile(account, journey, password);
                writePersonalKey(request, response, journey, key.secret());
            } catch (AccountsException.WrongPassword wrong) {
                errors.put("password", "verify.password.error.wrong");
                model.addAttribute("passwordAttemptsRemaining", wrong.remainingAttempts());
            } catch (AccountsException.Locked locked) {
                errors.put("password", "verify.password.error.locked");
                model.addAttribute("passwordLockedUntil", LocalTimes.dateAndTime(locked.until(), locale));
            } catch (AccountsException.DuplicateSsn duplicate) {
                errors.put("password", "verify.password.error.duplicateSsn");
            }
            return Map.of();
        });
    }

    @PostMapping("/verify/SavePersonalKey")
    String savePersonalKey(@RequestParam(defaultValue = "") String personalKey, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submit(Steps.SAVE_PERSONAL_KEY, request, response, model, (account, journey, errors) -> {
            Optional<String> issued = sealedPersonalKey(request, journey);
            // Without the cookie (another browser) the key cannot be shown again: the profile stays
            // recoverable with the password, so the step is not made impossible.
            if (issued.isPresent() && !sameKey(issued.get(), personalKey)) {
                errors.put("personalKey", "verify.personalKey.error");
                return Map.of();
            }
            writePersonalKey(request, response, journey, null);
            return Map.of();
        });
    }

    @PostMapping("/verify/ConsentToShare")
    String consentToShare(@RequestParam(required = false) String consent, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return submit(Steps.CONSENT_TO_SHARE, request, response, model, (account, journey, errors) -> {
            if (consent == null) {
                errors.put("consent", "verify.share.error");
            }
            return Map.of();
        });
    }

    /**
     * The person gives up this journey and starts again (a PIV/CAC holder without a card at hand, or on a
     * site whose card-reader port is closed). Lockouts belong to the person, not the journey, so starting
     * again never lifts one.
     */
    @PostMapping("/verify/start-over")
    String startOver(HttpServletRequest request) {
        return asSignedIn(request, account -> journeys.abandon(account));
    }

    /** After a journey that ended unverified: a new one, at its first step. */
    @PostMapping("/verify/start-again")
    String startAgain(HttpServletRequest request) {
        return asSignedIn(request, account -> journeys.startOrResume(account));
    }

    /** Does {@code work} for the signed-in person, then shows where their journey stands. */
    private String asSignedIn(HttpServletRequest request, java.util.function.Consumer<AccountId> work) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return SIGN_IN;
        }
        work.accept(account.get());
        return VERIFY;
    }

    // ---- how every step's form is handled

    /** A typed code (one-time or letter): required, then checked; the step records only PASS or FAIL. */
    private static StepWork typedCode(String code, String missingMessage, String outcomeVariable,
            java.util.function.BiPredicate<JourneyId, String> verify) {
        return (account, journey, errors) -> {
            if (code.isBlank()) {
                errors.put("code", missingMessage);
                return Map.of();
            }
            return Map.of(outcomeVariable, verify.test(journey, code.strip()) ? "PASS" : "FAIL");
        };
    }

    /** What a step does with its form: fill {@code errors} (field id to message key) or return the variables. */
    @FunctionalInterface
    interface StepWork {
        Map<String, Object> run(AccountId account, JourneyId journey, Map<String, String> errors);
    }

    private String submit(String stepId, HttpServletRequest request, HttpServletResponse response, Model model,
            StepWork work) {
        return submit(stepId, request, response, model, work, null);
    }

    /** @param redirectOnErrors where to send the browser when the form has errors; null: show the step again */
    private String submit(String stepId, HttpServletRequest request, HttpServletResponse response, Model model,
            StepWork work, java.util.function.Function<Map<String, String>, String> redirectOnErrors) {
        Optional<AccountId> account = signedIn.of(request);
        if (account.isEmpty()) {
            return SIGN_IN;
        }
        model.addAttribute("signedIn", true);
        Journey journey = journeys.startOrResume(account.get());
        JourneyStep step = engine.currentStep(journey.id());
        if (step.kind() != JourneyStep.Kind.TASK || !step.is(stepId)) {
            return VERIFY; // a form from an earlier page, another tab or a refresh: show where things stand
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> variables = work.run(account.get(), journey.id(), errors);
        if (!errors.isEmpty() && redirectOnErrors != null) {
            return redirectOnErrors.apply(errors);
        }
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            return showTask(step, journey.id(), request, model);
        }
        try {
            engine.completeStep(journey.id(), stepId, variables);
        } catch (StaleStepException twoTabsAtOnce) {
            // the other tab won; this one shows where the journey is now
        }
        return VERIFY;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> form(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LinkedHashMap<String, String>());
        }
        return (Map<String, String>) model.getAttribute("form");
    }

    private record Address(String street, String city, String state, String zip) {
    }

    private static Address address(Map<String, String> fields, Map<String, String> form, Map<String, String> errors) {
        String street = required(fields, form, errors, "street", "verify.details.error.street");
        String city = required(fields, form, errors, "city", "verify.details.error.city");
        String state = fields.getOrDefault("state", "").strip().toUpperCase(Locale.ROOT);
        form.put("state", state);
        if (!STATE.matcher(state).matches()) {
            errors.put("state", "verify.details.error.state");
        }
        String zip = fields.getOrDefault("zip", "").strip();
        form.put("zip", zip);
        if (!ZIP.matcher(zip).matches()) {
            errors.put("zip", "verify.details.error.zip");
        }
        return new Address(street, city, state, zip);
    }

    private static String required(Map<String, String> fields, Map<String, String> form, Map<String, String> errors,
            String name, String missingKey) {
        String value = fields.getOrDefault(name, "").strip();
        form.put(name, value);
        if (value.isEmpty()) {
            errors.put(name, missingKey);
        }
        return value;
    }

    private static LocalDate dateOfBirth(Map<String, String> fields, Map<String, String> form,
            Map<String, String> errors) {
        String typed = fields.getOrDefault("dateOfBirth", "").strip();
        form.put("dateOfBirth", typed);
        try {
            LocalDate date = LocalDate.parse(typed);
            if (date.isAfter(LocalDate.now()) || date.isBefore(LocalDate.of(1900, 1, 1))) {
                errors.put("dateOfBirth", "verify.details.error.dateOfBirth");
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.put("dateOfBirth", "verify.details.error.dateOfBirth");
            return null;
        }
    }

    private static String normalizedSsn(String typed) {
        var matcher = SSN.matcher(typed == null ? "" : typed.strip());
        return matcher.matches() ? matcher.group(1) + "-" + matcher.group(2) + "-" + matcher.group(3) : null;
    }

    // ---- the personal key between its two pages

    private Optional<String> sealedPersonalKey(HttpServletRequest request, JourneyId journey) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (PERSONAL_KEY_COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                try {
                    return Optional.of(new String(sessionEncryptor.decrypt(cookie.getValue(), keyContext(journey)),
                            StandardCharsets.US_ASCII));
                } catch (RuntimeException sealedForAnotherJourney) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** {@code secret} null clears the cookie. Only the wizard's own paths ever receive it. */
    private void writePersonalKey(HttpServletRequest request, HttpServletResponse response, JourneyId journey,
            String secret) {
        String value = secret == null ? ""
                : sessionEncryptor.encrypt(secret.getBytes(StandardCharsets.US_ASCII), keyContext(journey));
        ResponseCookie cookie = ResponseCookie.from(PERSONAL_KEY_COOKIE, value).path("/verify").httpOnly(true)
                .secure(request.isSecure()).sameSite("Strict").maxAge(secret == null ? 0 : 3600).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    private static String keyContext(JourneyId journey) {
        return "personal-key:" + journey;
    }

    private static boolean sameKey(String issued, String typed) {
        return MessageDigest.isEqual(issued.getBytes(StandardCharsets.US_ASCII),
                PersonalKeys.normalize(typed).getBytes(StandardCharsets.US_ASCII));
    }

    private static String formatted(String secret) {
        return String.join("-", secret.substring(0, 4), secret.substring(4, 8), secret.substring(8, 12),
                secret.substring(12, 16));
    }
}
