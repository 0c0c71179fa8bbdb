package io.proofline.sharing;

import java.util.UUID;

import org.springframework.data.repository.Repository;

import io.proofline.accounts.AccountId;
import io.proofline.persistence.Inserts;

interface ConsentRepository extends Repository<ConsentRecord, UUID>, Inserts<ConsentRecord> {

    boolean existsByJourneyId(UUID journeyId);

    boolean existsByAccountId(AccountId account);
}
