package io.proofline.resolution;

/** The state ID attributes the DMV confirms, by their field names in the vendor's reply. */
enum DmvAttribute {
    ID_NUMBER("idNumber", DmvFailure.ID_NUMBER_UNVERIFIED, true),
    FIRST_NAME("firstName", DmvFailure.NAME_UNVERIFIED, true),
    LAST_NAME("lastName", DmvFailure.NAME_UNVERIFIED, true),
    DATE_OF_BIRTH("dateOfBirth", DmvFailure.DATE_OF_BIRTH_UNVERIFIED, true),
    /** Not required: not every state reports it. When it is checked and does not match, it fails. */
    EXPIRY("expiry", DmvFailure.EXPIRY_UNVERIFIED, false);

    final String field;
    final DmvFailure whenUnverified;
    final boolean required;

    DmvAttribute(String field, DmvFailure whenUnverified, boolean required) {
        this.field = field;
        this.whenUnverified = whenUnverified;
        this.required = required;
    }
}
