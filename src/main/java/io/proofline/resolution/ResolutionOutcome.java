package io.proofline.resolution;

import java.util.Map;

/** Per-attribute results and whether the attributes belong to one person. Holds no personal data. */
record ResolutionOutcome(Map<ResolutionAttribute, AttributeCheck> attributes, boolean singlePerson) {

    public ResolutionOutcome {
        attributes = Map.copyOf(attributes);
    }

    public AttributeCheck check(ResolutionAttribute attribute) {
        return attributes.getOrDefault(attribute, AttributeCheck.NOT_CHECKED);
    }
}
