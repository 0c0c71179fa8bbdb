package io.proofline.proofing.web;

import java.util.Map;

/**
 * The BPMN ids of the steps the wizard shows, and of the waits it explains. The same strings as
 * {@code proofing.process.ProcessIds.Activities}, repeated here so the web side never depends on the
 * engine's package; {@code WizardStepIdsTest} keeps the two in step.
 */
final class Steps {

    static final String CONSENT_TO_PROOFING = "ConsentToProofing";
    static final String CHOOSE_PROOFING_PATH = "ChooseProofingPath";
    static final String UPLOAD_DOCUMENTS = "UploadDocuments";
    static final String ENTER_SSN = "EnterSsn";
    static final String CONNECT_CARD = "ConnectCard";
    static final String ENTER_PERSONAL_DETAILS = "EnterPersonalDetails";
    static final String ENTER_ID_DETAILS = "EnterIdDetails";
    static final String REVIEW_DETAILS = "ReviewDetails";
    static final String CHOOSE_ADDRESS_METHOD = "ChooseAddressMethod";
    static final String ENTER_PHONE = "EnterPhone";
    static final String ENTER_ONE_TIME_CODE = "EnterOneTimeCode";
    static final String CONFIRM_LETTER_ADDRESS = "ConfirmLetterAddress";
    static final String ENTER_LETTER_CODE = "EnterLetterCode";
    static final String REQUEST_NEW_LETTER = "RequestNewLetter";
    static final String RE_ENTER_PASSWORD = "ReEnterPassword";
    static final String SAVE_PERSONAL_KEY = "SavePersonalKey";
    static final String CONSENT_TO_SHARE = "ConsentToShare";

    /** Waits on the Post Office: the person has an enrollment code to take there. */
    static final String TIME_TO_ASK_USPS = "TimeToAskUsps";
    static final String ENROLLMENT_DEADLINE = "EnrollmentDeadline";

    /**
     * The check whose outcome a step is re-shown after: its FAIL means "try again, n attempts left", its
     * VENDOR_ERROR "the service was unavailable, this did not count". The phone number is shown again when
     * the phone cannot receive the code the way the person chose (not counted).
     */
    static final Map<String, String> OUTCOME_SHOWN_AT = Map.of(
            UPLOAD_DOCUMENTS, "documentCheck",
            CONNECT_CARD, "certificateCheck",
            REVIEW_DETAILS, "resolutionCheck",
            CHOOSE_ADDRESS_METHOD, "phoneCheck",
            ENTER_PHONE, "codeDelivery",
            ENTER_ONE_TIME_CODE, "oneTimeCodeCheck",
            ENTER_LETTER_CODE, "letterCodeCheck");

    /** The lockout (proofline.throttle.<type>) that a failed check at each step counts toward. */
    static final Map<String, String> LOCKOUT_AT = Map.of(
            UPLOAD_DOCUMENTS, "document",
            CONNECT_CARD, "piv-cac",
            REVIEW_DETAILS, "resolution",
            CHOOSE_ADDRESS_METHOD, "phone",
            ENTER_ONE_TIME_CODE, "one-time-code",
            ENTER_LETTER_CODE, "letter-code");

    /** Where a failed check's reason codes are kept, for the steps that turn them into advice. */
    static final Map<String, String> REASONS_SHOWN_AT = Map.of(
            UPLOAD_DOCUMENTS, "documentFailureReasons",
            CONNECT_CARD, "certificateFailureReasons",
            REVIEW_DETAILS, "resolutionFailureReasons",
            CHOOSE_ADDRESS_METHOD, "phoneFailureReasons",
            ENTER_PHONE, "codeDeliveryFailureReasons");

    private Steps() {
    }

    /** The lockouts are waits named WaitOut...Lockout (documents, card, resolution, letter code). */
    static boolean isLockout(String activityId) {
        return activityId != null && activityId.startsWith("WaitOut") && activityId.endsWith("Lockout");
    }
}
