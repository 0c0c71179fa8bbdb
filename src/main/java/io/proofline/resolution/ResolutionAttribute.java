package io.proofline.resolution;

/** The attributes identity resolution checks, by their field names in the vendor's reply. */
enum ResolutionAttribute {
    NAME("name", ResolutionFailure.NAME_UNVERIFIED),
    DATE_OF_BIRTH("dateOfBirth", ResolutionFailure.DATE_OF_BIRTH_UNVERIFIED),
    SSN("ssn", ResolutionFailure.SSN_UNVERIFIED),
    ADDRESS("address", ResolutionFailure.ADDRESS_UNVERIFIED);

    final String field;
    final ResolutionFailure whenUnverified;

    ResolutionAttribute(String field, ResolutionFailure whenUnverified) {
        this.field = field;
        this.whenUnverified = whenUnverified;
    }
}
