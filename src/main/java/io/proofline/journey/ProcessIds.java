package io.proofline.journey;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Every BPMN id, variable name and value the Java code refers to, in one place: the engine's delegates, the
 * wizard's dispatcher and each feature's step forms use these, never a string of their own. It imports nothing
 * of Camunda. The BPMN files in {@code bpmn/} use the same strings; {@code ProcessModelTest} checks that each id
 * exists there. It lives at the bottom of the modules because the features' forms need it as much as the engine.
 */
public final class ProcessIds {

    private ProcessIds() {
    }

    /** Process definition keys, one per model in {@code bpmn/}. */
    public static final class Processes {
        public static final String IDENTITY_PROOFING = "identity-proofing";
        public static final String STATE_ID_VERIFICATION = "state-id-verification";
        public static final String PIV_CAC_VERIFICATION = "piv-cac-verification";
        public static final String IDENTITY_RESOLUTION = "identity-resolution";
        public static final String ADDRESS_VERIFICATION = "address-verification";
        public static final String LETTER_VERIFICATION = "letter-verification";
        public static final String IN_PERSON_PROOFING = "in-person-proofing";

        private Processes() {
        }
    }

    /** Activity and event ids: the steps a person sees, and the waits and checks between them. */
    public static final class Activities {
        // identity-proofing
        public static final String CONSENT_TO_PROOFING = "ConsentToProofing";
        public static final String CHOOSE_PROOFING_PATH = "ChooseProofingPath";
        public static final String ENTER_ID_DETAILS = "EnterIdDetails";
        public static final String VERIFY_STATE_ID = "VerifyStateId";
        public static final String VERIFY_PIV_CAC = "VerifyPivCac";
        public static final String VERIFY_IDENTITY = "VerifyIdentity";
        public static final String VERIFY_ADDRESS = "VerifyAddress";
        public static final String CREATE_ENROLLMENT = "CreateEnrollment";
        public static final String RE_ENTER_PASSWORD = "ReEnterPassword";
        public static final String SAVE_PERSONAL_KEY = "SavePersonalKey";
        public static final String VERIFY_LETTER_CODE = "VerifyLetterCode";
        public static final String WAIT_FOR_POST_OFFICE = "WaitForPostOffice";
        public static final String ACTIVATE_PROFILE = "ActivateProfile";
        public static final String NOT_VERIFIED_SSN_HELD_ELSEWHERE = "NotVerifiedSsnHeldElsewhere";
        public static final String CONSENT_TO_SHARE = "ConsentToShare";
        public static final String RECORD_CONSENT = "RecordConsent";
        public static final String VERIFIED_AT_IAL2 = "VerifiedAtIal2";
        public static final String NOT_VERIFIED_IN_PERSON = "NotVerifiedInPerson";
        // state-id-verification
        public static final String CHECK_DOCUMENT_LOCKOUT = "CheckDocumentLockout";
        public static final String WAIT_OUT_DOCUMENT_LOCKOUT = "WaitOutDocumentLockout";
        public static final String UPLOAD_DOCUMENTS = "UploadDocuments";
        public static final String AUTHENTICATE_DOCUMENT = "AuthenticateDocument";
        public static final String RECORD_FAILED_UPLOAD = "RecordFailedUpload";
        public static final String ENTER_SSN = "EnterSsn";
        // piv-cac-verification
        public static final String CHECK_CERTIFICATE_LOCKOUT = "CheckCertificateLockout";
        public static final String WAIT_OUT_CERTIFICATE_LOCKOUT = "WaitOutCertificateLockout";
        public static final String CONNECT_CARD = "ConnectCard";
        public static final String VALIDATE_CERTIFICATE = "ValidateCertificate";
        public static final String ENTER_PERSONAL_DETAILS = "EnterPersonalDetails";
        // identity-resolution
        public static final String CHECK_RESOLUTION_LOCKOUT = "CheckResolutionLockout";
        public static final String WAIT_OUT_RESOLUTION_LOCKOUT = "WaitOutResolutionLockout";
        public static final String REVIEW_DETAILS = "ReviewDetails";
        public static final String CHECK_REVIEW_EDITS = "CheckReviewEdits";
        public static final String RESOLVE_IDENTITY = "ResolveIdentity";
        public static final String CONFIRM_WITH_STATE_DMV = "ConfirmWithStateDmv";
        public static final String MATCH_CERTIFICATE_NAME = "MatchCertificateName";
        // address-verification
        public static final String CHECK_PHONE_AVAILABILITY = "CheckPhoneAvailability";
        public static final String CHOOSE_ADDRESS_METHOD = "ChooseAddressMethod";
        public static final String ENTER_PHONE = "EnterPhone";
        public static final String CHECK_PHONE_RECORDS = "CheckPhoneRecords";
        public static final String SEND_ONE_TIME_CODE = "SendOneTimeCode";
        public static final String ENTER_ONE_TIME_CODE = "EnterOneTimeCode";
        public static final String CODE_STEP_CHOICE = "CodeStepChoice";
        public static final String CONFIRM_LETTER_ADDRESS = "ConfirmLetterAddress";
        public static final String PREPARE_LETTER = "PrepareLetter";
        // letter-verification
        public static final String SEND_LETTER = "SendLetter";
        public static final String CHECK_LETTER_CODE_LOCKOUT = "CheckLetterCodeLockout";
        public static final String WAIT_OUT_LETTER_CODE_LOCKOUT = "WaitOutLetterCodeLockout";
        public static final String ENTER_LETTER_CODE = "EnterLetterCode";
        public static final String LETTER_CODE_EXPIRED = "LetterCodeExpired";
        public static final String EXPIRE_PENDING_PROFILE = "ExpirePendingProfile";
        public static final String REQUEST_NEW_LETTER = "RequestNewLetter";
        // in-person-proofing
        public static final String TIME_TO_ASK_USPS = "TimeToAskUsps";
        public static final String ENROLLMENT_DEADLINE = "EnrollmentDeadline";
        public static final String POLL_ENROLLMENT = "PollEnrollment";

        private Activities() {
        }
    }

    /** Process variable names. Only outcomes, counts, ids and timestamps: never PII, never a secret. */
    public static final class Variables {
        public static final String JOURNEY_ID = "journeyId";
        /** {@link Path} chosen by the user. */
        public static final String PROOFING_PATH = "proofingPath";
        /** Local input of the lockout checks and failure counters: a throttle type name (proofline.throttle.<name>). */
        public static final String THROTTLE_TYPE = "throttleType";
        public static final String LOCKED = "locked";
        public static final String LOCKED_UNTIL = "lockedUntil";
        public static final String ATTEMPTS_REMAINING = "attemptsRemaining";
        /** {@link Outcome} of each check. */
        public static final String DOCUMENT_CHECK = "documentCheck";
        /** Reason codes of a failed check, comma-separated (e.g. IMAGE_GLARE): what the person can do differently. */
        public static final String DOCUMENT_FAILURE_REASONS = "documentFailureReasons";
        public static final String CERTIFICATE_CHECK = "certificateCheck";
        public static final String CERTIFICATE_FAILURE_REASONS = "certificateFailureReasons";
        public static final String RESOLUTION_CHECK = "resolutionCheck";
        public static final String RESOLUTION_FAILURE_REASONS = "resolutionFailureReasons";
        public static final String REVIEW_EDITS_ALLOWED = "reviewEditsAllowed";
        public static final String PHONE_AVAILABLE = "phoneAvailable";
        public static final String PHONE_CHECK = "phoneCheck";
        public static final String PHONE_FAILURE_REASONS = "phoneFailureReasons";
        /** {@link CodeChannel} chosen by the user for the one-time code. */
        public static final String CODE_CHANNEL = "codeChannel";
        /** Whether the one-time code could be delivered (PASS) or the phone cannot receive it that way (FAIL). */
        public static final String CODE_DELIVERY = "codeDelivery";
        /** At the one-time code: CODE (typed), RESEND, CHANGE_NUMBER or LETTER. */
        public static final String CODE_STEP_CHOICE = "codeStepChoice";
        public static final String CODE_DELIVERY_FAILURE_REASONS = "codeDeliveryFailureReasons";
        public static final String ONE_TIME_CODE_CHECK = "oneTimeCodeCheck";
        public static final String LETTER_CODE_CHECK = "letterCodeCheck";
        /** {@link AddressMethod} chosen by the user, or LETTER when the phone is not offered. */
        public static final String ADDRESS_METHOD = "addressMethod";
        public static final String LETTER_CODE_EXPIRES_AT = "letterCodeExpiresAt";
        public static final String ENROLLMENT_EXPIRES_AT = "enrollmentExpiresAt";
        /** The enrollment's status as USPS reported it (PENDING, PASSED, FAILED, EXPIRED). */
        public static final String ENROLLMENT_STATUS = "enrollmentStatus";
        public static final String IN_PERSON_RESULT = "inPersonResult";
        /** What activating the profile did: ACTIVATED, or SSN_HELD_BY_ANOTHER_ACCOUNT (accounts.Profiles.Activation). */
        public static final String PROFILE_ACTIVATION = "profileActivation";
        /** {@link SharingAnswer} at the journey's end. */
        public static final String SHARING_ANSWER = "sharingAnswer";
        /** The client id of the agency that sent the person, when one did (its name, never the person's). */
        public static final String SHARING_AGENCY = "sharingAgency";
        /** The scopes that agency asked for, space-separated (names of attributes, never their values). */
        public static final String SHARING_SCOPES = "sharingScopes";

        private Variables() {
        }
    }

    /**
     * The result of a check, as the gateways read it (PASS, FAIL, VENDOR_ERROR). At the one-time code the person
     * may also ask for a new code (RESENT) or choose another way (NOT_TRIED): nothing was checked then, and the
     * page shown next says so instead of "wrong code".
     */
    public enum Outcome {
        PASS, FAIL, VENDOR_ERROR, RESENT, NOT_TRIED
    }

    /** The ways of proving one's identity, as {@link Variables#PROOFING_PATH} holds them. */
    public enum Path {
        STATE_ID, PIV_CAC, IN_PERSON
    }

    /**
     * The person's answer at the end of the journey: to the agency that sent them, or none when they came to Proofline
     * itself (the agency that first asks will ask them then).
     */
    public enum SharingAnswer {
        AGREED, DECLINED, NO_AGENCY
    }

    public enum AddressMethod {
        PHONE, LETTER
    }

    /** How the one-time code reaches the phone. */
    public enum CodeChannel {
        SMS, VOICE
    }

    /** At the one-time code page: the code typed, or one of Login.gov's other ways forward. */
    public enum CodeStepChoice {
        CODE, RESEND, CHANGE_NUMBER, LETTER
    }

    /**
     * The check a person's step is shown again after, by the names of its two variables: its outcome, and the reason
     * codes of a failure (null where the check gives none). Its FAIL means "try again, n attempts left", its
     * VENDOR_ERROR "the service was unavailable, this did not count".
     */
    public record CheckVariables(String outcome, String reasons) {
    }

    public static final Map<String, CheckVariables> CHECK_SHOWN_AT = Map.of(
            Activities.UPLOAD_DOCUMENTS,
            new CheckVariables(Variables.DOCUMENT_CHECK, Variables.DOCUMENT_FAILURE_REASONS),
            Activities.CONNECT_CARD,
            new CheckVariables(Variables.CERTIFICATE_CHECK, Variables.CERTIFICATE_FAILURE_REASONS),
            Activities.REVIEW_DETAILS,
            new CheckVariables(Variables.RESOLUTION_CHECK, Variables.RESOLUTION_FAILURE_REASONS),
            Activities.CHOOSE_ADDRESS_METHOD,
            new CheckVariables(Variables.PHONE_CHECK, Variables.PHONE_FAILURE_REASONS),
            // shown again when the phone cannot receive the code the way the person chose (not counted)
            Activities.ENTER_PHONE,
            new CheckVariables(Variables.CODE_DELIVERY, Variables.CODE_DELIVERY_FAILURE_REASONS),
            Activities.ENTER_ONE_TIME_CODE, new CheckVariables(Variables.ONE_TIME_CODE_CHECK, null),
            Activities.ENTER_LETTER_CODE, new CheckVariables(Variables.LETTER_CODE_CHECK, null));

    /** The lockout (a throttle type, {@code proofline.throttle.<name>}) that a failed check at each step counts toward. */
    public static final Map<String, String> LOCKOUT_AT = Map.of(
            Activities.UPLOAD_DOCUMENTS, "document",
            Activities.CONNECT_CARD, "piv-cac",
            Activities.REVIEW_DETAILS, "resolution",
            Activities.CHOOSE_ADDRESS_METHOD, "phone",
            Activities.ENTER_ONE_TIME_CODE, "one-time-code",
            Activities.ENTER_LETTER_CODE, "letter-code");

    /** The lockouts are waits named WaitOut...Lockout (documents, card, resolution, letter code). */
    public static boolean isLockout(String activityId) {
        return activityId != null && activityId.startsWith("WaitOut") && activityId.endsWith("Lockout");
    }

    /** The constant of {@code type} a form field or a variable names, if it names one. */
    public static <E extends Enum<E>> Optional<E> named(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst();
    }
}
