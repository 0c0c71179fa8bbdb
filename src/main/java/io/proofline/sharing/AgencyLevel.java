package io.proofline.sharing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The assurance an agency asks for with {@code acr_values}: Login.gov's service levels and their legacy names. The ID
 * token's {@code acr} says which was met, in the spelling the agency asked with.
 */
public enum AgencyLevel {
    /** Authentication only (IAL1): no verified identity is shared. */
    AUTH_ONLY("auth-only", "urn:acr.login.gov:auth-only", "http://idmanagement.gov/ns/assurance/ial/1"),
    /** A verified identity (IAL2 here: evidence, resolution and address verified, as seed 004 sets out). */
    VERIFIED("verified", "urn:acr.login.gov:verified", "http://idmanagement.gov/ns/assurance/ial/2");

    private final String configName;
    private final List<String> acrValues;

    AgencyLevel(String configName, String... acrValues) {
        this.configName = configName;
        this.acrValues = List.of(acrValues);
    }

    /** How an agency's registration names the level ({@code auth-only}, {@code verified}). */
    public String configName() {
        return configName;
    }

    public List<String> acrValues() {
        return acrValues;
    }

    public String acr() {
        return acrValues.get(0);
    }

    public static Optional<AgencyLevel> ofAcr(String acr) {
        return Arrays.stream(values()).filter(level -> level.acrValues.contains(acr)).findFirst();
    }

    public static Optional<AgencyLevel> ofConfigName(String name) {
        return Arrays.stream(values()).filter(level -> level.configName.equals(name)).findFirst();
    }

    /**
     * The level an {@code acr_values} parameter asks for (space-separated, in order of preference: the highest named
     * is required), if every value is known.
     */
    public static Optional<AgencyLevel> requested(String acrValues) {
        if (acrValues == null || acrValues.isBlank()) {
            return Optional.empty();
        }
        AgencyLevel highest = null;
        for (String acr : acrValues.trim().split("\\s+")) {
            Optional<AgencyLevel> level = ofAcr(acr);
            if (level.isEmpty()) {
                return Optional.empty();
            }
            if (highest == null || level.get().ordinal() > highest.ordinal()) {
                highest = level.get();
            }
        }
        return Optional.of(highest);
    }

    /** The {@code acr} to assert: the value the agency used for this level (legacy or current). */
    public String asserted(String acrValues) {
        if (acrValues != null) {
            for (String acr : acrValues.trim().split("\\s+")) {
                if (acrValues.contains(acr) && this.acrValues.contains(acr)) {
                    return acr;
                }
            }
        }
        return acr();
    }
}
