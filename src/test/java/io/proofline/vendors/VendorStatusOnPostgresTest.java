package io.proofline.vendors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.proofline.support.PostgresIntegrationTest;

/** Outage switches live in PostgreSQL, so a switch flipped on one node holds on every node. */
class VendorStatusOnPostgresTest extends PostgresIntegrationTest {

    @Autowired
    VendorStatus status;

    @Autowired
    VendorSwitchRepository switches;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @AfterEach
    void backToOperational() {
        status.set(VendorId.USPS, VendorState.OPERATIONAL);
    }

    @Test
    void aSwitchFlippedOnOneNodeIsSeenByAnother() {
        DatabaseVendorStatus otherNode = uncachedNode();
        assertThat(otherNode.stateOf(VendorId.USPS)).isEqualTo(VendorState.OPERATIONAL);

        status.set(VendorId.USPS, VendorState.OUTAGE);

        assertThat(status.stateOf(VendorId.USPS)).isEqualTo(VendorState.OUTAGE);
        assertThat(otherNode.stateOf(VendorId.USPS)).isEqualTo(VendorState.OUTAGE);
        assertThat(otherNode.all()).containsEntry(VendorId.DOCUMENT_AUTH, VendorState.OPERATIONAL);
        assertThat(jdbc.queryForObject("select state from vendor_status where vendor = 'usps'", String.class))
                .isEqualTo("OUTAGE");
    }

    @Test
    void flippingTwiceUpdatesTheOneRow() {
        status.set(VendorId.USPS, VendorState.OUTAGE);
        status.set(VendorId.USPS, VendorState.OPERATIONAL);

        assertThat(jdbc.queryForObject("select count(*) from vendor_status where vendor = 'usps'", Integer.class)).isEqualTo(1);
        assertThat(uncachedNode().stateOf(VendorId.USPS)).isEqualTo(VendorState.OPERATIONAL);
    }

    @Test
    void aRowThisVersionDoesNotKnowIsSkippedAndTheOthersStillHold() {
        status.set(VendorId.USPS, VendorState.OUTAGE);
        jdbc.update("insert into vendor_status (vendor, state, changed_at) values ('telegraph', 'OUTAGE', now())");
        jdbc.update("insert into vendor_status (vendor, state, changed_at) values ('sms', 'HALF_OPEN', now())");
        try {
            assertThat(uncachedNode().all()).hasSize(VendorId.values().length)
                    .containsEntry(VendorId.USPS, VendorState.OUTAGE).containsEntry(VendorId.SMS, VendorState.OPERATIONAL);
        } finally {
            jdbc.update("delete from vendor_status where vendor in ('telegraph', 'sms')");
        }
    }

    /** Another node, whose cache holds nothing for long. */
    private DatabaseVendorStatus uncachedNode() {
        return new DatabaseVendorStatus(switches, clock, new VendorsProperties("", Duration.ZERO));
    }
}
