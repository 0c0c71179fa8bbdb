package io.proofline.vendors;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.proofline.persistence.Inserts;

interface VendorSwitchRepository extends Repository<VendorSwitch, String>, Inserts<VendorSwitch> {

    List<VendorSwitch> findAll();

    /** Returns how many rows changed: none when the vendor has no switch yet. */
    @Modifying
    @Transactional
    @Query("update VendorSwitch s set s.state = :state, s.changedAt = :changedAt where s.vendor = :vendor")
    int updateState(String vendor, String state, Instant changedAt);
}
