package io.proofline.resolution;

import java.util.Map;

/** Per-attribute results from the issuing state. Holds no personal data. */
record DmvOutcome(Map<DmvAttribute, AttributeCheck> attributes, boolean jurisdictionSupported) {

    public DmvOutcome {
        attributes = Map.copyOf(attributes);
    }

    public AttributeCheck check(DmvAttribute attribute) {
        return attributes.getOrDefault(attribute, AttributeCheck.NOT_CHECKED);
    }
}
