package io.proofline.vendors;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/vendorstatus}: GET lists every vendor's state; GET {@code /{vendor}} reads one;
 * POST {@code /{vendor}} with {@code {"state":"OUTAGE"}} or {@code {"state":"OPERATIONAL"}} flips it.
 */
@Component
@Endpoint(id = "vendorstatus")
class VendorStatusEndpoint {

    private final VendorStatus status;

    VendorStatusEndpoint(VendorStatus status) {
        this.status = status;
    }

    @ReadOperation
    Map<String, String> all() {
        Map<String, String> states = new LinkedHashMap<>();
        status.all().forEach((vendor, state) -> states.put(vendor.key(), state.name()));
        return states;
    }

    @ReadOperation
    Map<String, String> one(@Selector String vendor) {
        VendorId id = VendorId.fromKey(vendor);
        return Map.of("vendor", id.key(), "state", status.stateOf(id).name());
    }

    @WriteOperation
    Map<String, String> set(@Selector String vendor, String state) {
        VendorId id = VendorId.fromKey(vendor);
        status.set(id, VendorState.valueOf(state.trim().toUpperCase(Locale.ROOT)));
        return one(id.key());
    }
}
