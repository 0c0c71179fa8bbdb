package io.proofline.proofing.process;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import io.proofline.system.StaffCredentials;

/**
 * Staff are the engine's users, their roles the groups they are in ({@link StaffAccounts}). The password is checked
 * by the engine's identity service against its stored hash, which is scrypt at the service's cost
 * ({@link StaffPasswordEncryptor}, {@code crypto.StaffPasswordHashes}), not Camunda's default salted SHA-512.
 */
@Component
class CamundaStaffCredentials implements StaffCredentials {

    private final IdentityService identities;

    CamundaStaffCredentials(IdentityService identities) {
        this.identities = identities;
    }

    @Override
    public Set<StaffRole> rolesOf(String username, String password) {
        if (!StaffCredentials.isPossibleName(username) || password == null
                || !identities.checkPassword(username, password)) {
            return Set.of();
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (Group group : identities.createGroupQuery().groupMember(username).list()) {
            StaffAccounts.roleOf(group.getId()).ifPresent(roles::add);
        }
        return roles;
    }
}
