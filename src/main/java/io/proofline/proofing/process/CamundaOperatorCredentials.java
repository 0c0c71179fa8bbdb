package io.proofline.proofing.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

import io.proofline.system.OperatorCredentials;

/** Operators are the engine's administrators: the Cockpit/Admin accounts in the {@code camunda-admin} group. */
@Component
class CamundaOperatorCredentials implements OperatorCredentials {

    private final IdentityService identities;

    CamundaOperatorCredentials(IdentityService identities) {
        this.identities = identities;
    }

    @Override
    public boolean isOperator(String username, String password) {
        return identities.checkPassword(username, password)
                && identities.createGroupQuery().groupMember(username).groupId(Groups.CAMUNDA_ADMIN).count() > 0;
    }
}
