package io.proofline.proofing.process;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import io.proofline.system.OperatorCredentials;

/** Operators are the Cockpit accounts in the operators' group ({@link StaffAccounts}). */
@Component
class CamundaOperatorCredentials implements OperatorCredentials {

    private final IdentityService identities;

    CamundaOperatorCredentials(IdentityService identities) {
        this.identities = identities;
    }

    @Override
    public boolean isOperator(String username, String password) {
        return identities.checkPassword(username, password)
                && identities.createGroupQuery().groupMember(username).groupId(StaffAccounts.OPERATORS).count() > 0;
    }
}
