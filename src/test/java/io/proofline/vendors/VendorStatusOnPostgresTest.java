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
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @AfterEach
    void backToOperational() {
        status.set(VendorId.USPS, VendorState.OPERATIONAL);
    }

    @Test
    void aSwitchFlippedOnOneNodeIsSeenByAnother() {
        JdbcVendorStatus otherNode = new JdbcVendorStatus(jdbc, clock, Duration.ZERO);
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
        assertThat(new JdbcVendorStatus(jdbc, clock, Duration.ZERO).stateOf(VendorId.USPS)).isEqualTo(VendorState.OPERATIONAL);
    }
}
