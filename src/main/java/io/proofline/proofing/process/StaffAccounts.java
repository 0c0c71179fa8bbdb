package io.proofline.proofing.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.proofline.crypto.StaffPasswordHashes;
import io.proofline.system.StaffCredentials.StaffRole;

/**
 * The staff accounts, groups and authorizations in the engine are exactly those the configuration declares,
 * made so at every start (the identity store is read-only afterwards, see {@link EngineLockdown}). Anything
 * else found there (a user, a group, a membership, an authorization: left by an older version or planted
 * through an API) is removed, and said so in the log.
 *
 * <p>Operators watch and repair: they read definitions, instances, incidents, jobs and history, retry failed
 * jobs, and suspend or resume a definition in an emergency. They cannot deploy, start, modify, cancel or delete
 * anything, complete or claim a task, set a variable, or touch an account; the Admin and Tasklist apps are
 * closed to them. Analysts ({@code proofline-analysts}) and reviewers ({@code proofline-reviewers}) hold no grant in
 * the engine at all: Cockpit refuses them, and their pages are the service's own on the management port. Nobody is
 * in {@code camunda-admin}, the group that would bypass every check.
 */
@Component
class StaffAccounts {

    static final String OPERATORS = "proofline-operators";
    /** The operations analysts: the dashboards at /analytics on the management port; nothing in Cockpit. */
    static final String ANALYSTS = "proofline-analysts";
    /** The compliance reviewers: their pages come later; nothing in Cockpit, not the analysts' pages. */
    static final String REVIEWERS = "proofline-reviewers";

    /** Each group, with what its members are to the service. */
    static final Map<String, StaffRole> GROUPS = Map.of(OPERATORS, StaffRole.OPERATOR, ANALYSTS, StaffRole.ANALYST,
            REVIEWERS, StaffRole.REVIEWER);

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    private final List<Member> declared;
    private final StaffPasswordHashes passwordHashes;

    StaffAccounts(@Value("${proofline.operator.username}") String operatorId,
            @Value("${proofline.operator.password}") String operatorPassword,
            @Value("${proofline.staff.analyst.username}") String analystId,
            @Value("${proofline.staff.analyst.password}") String analystPassword,
            @Value("${proofline.staff.reviewer.username}") String reviewerId,
            @Value("${proofline.staff.reviewer.password}") String reviewerPassword, StaffPasswordHashes passwordHashes) {
        this.declared = List.of(new Member(operatorId, operatorPassword, OPERATORS, "Proofline", "Operator"),
                new Member(analystId, analystPassword, ANALYSTS, "Proofline", "Analyst"),
                new Member(reviewerId, reviewerPassword, REVIEWERS, "Proofline", "Reviewer"));
        if (declared.stream().map(Member::id).distinct().count() != declared.size()) {
            throw new IllegalStateException("The operator, the analyst and the reviewer need user names of their own "
                    + "(proofline.operator.username, proofline.staff.analyst.username, proofline.staff.reviewer.username): "
                    + "one account in two groups would hold both roles");
        }
        this.passwordHashes = passwordHashes;
    }

    /** The role a group's members hold, if it is one of ours. */
    static Optional<StaffRole> roleOf(String groupId) {
        return Optional.ofNullable(GROUPS.get(groupId));
    }

    /** What the operators' group may do: the engine's resources, with the permissions on each. */
    static List<Grant> operatorGrants() {
        return List.of(
                new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
                new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.SUSPEND),
                new Grant(Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ,
                        ProcessInstancePermissions.RETRY_JOB),
                new Grant(Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ),
                new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ),
                new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, Permissions.READ),
                new Grant(Resources.GROUP, OPERATORS, Permissions.READ));
    }

    void reconcile(ProcessEngineConfigurationImpl engine) {
        IdentityService identities = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Group group : identities.createGroupQuery().list()) {
            if (!GROUPS.containsKey(group.getId())) {
                write(engine, provider -> provider.deleteGroup(group.getId()));
                log.warn("Removed the engine group '{}': not declared in the configuration", group.getId());
            }
        }
        for (String groupId : List.of(OPERATORS, ANALYSTS, REVIEWERS)) {
            if (identities.createGroupQuery().groupId(groupId).count() == 0) {
                write(engine, provider -> {
                    Group group = provider.createNewGroup(groupId);
                    group.setName("Proofline " + groupId.substring("proofline-".length()));
                    group.setType("SYSTEM");
                    provider.saveGroup(group);
                });
            }
        }
        List<String> declaredIds = declared.stream().map(Member::id).toList();
        for (User user : identities.createUserQuery().list()) {
            if (!declaredIds.contains(user.getId())) {
                write(engine, provider -> provider.deleteUser(user.getId()));
                log.warn("Removed the engine user '{}': not declared in the configuration", user.getId());
            }
        }
        for (Member member : declared) {
            settle(engine, identities, member);
        }
        settle(authorizations, declared);
    }

    private void settle(ProcessEngineConfigurationImpl engine, IdentityService identities, Member member) {
        UserEntity existing = (UserEntity) identities.createUserQuery().userId(member.id()).singleResult();
        boolean passwordCurrent = existing != null && existing.getPassword() != null
                && existing.getPassword().startsWith("{" + StaffPasswordEncryptor.ALGORITHM + "}")
                && !passwordHashes.needsRehash(existing.getPassword().substring(StaffPasswordEncryptor.ALGORITHM.length() + 2))
                && identities.checkPassword(member.id(), member.password());
        if (existing == null || !passwordCurrent) {
            write(engine, provider -> {
                UserEntity user = existing == null ? provider.createNewUser(member.id())
                        : (UserEntity) provider.findUserById(member.id());
                user.setFirstName(member.firstName());
                user.setLastName(member.lastName());
                user.setPassword(member.password());
                provider.saveUser(user);
            });
        }
        for (Group group : identities.createGroupQuery().groupMember(member.id()).list()) {
            if (!group.getId().equals(member.group())) {
                write(engine, provider -> provider.deleteMembership(member.id(), group.getId()));
            }
        }
        if (identities.createGroupQuery().groupMember(member.id()).groupId(member.group()).count() == 0) {
            write(engine, provider -> provider.createMembership(member.id(), member.group()));
        }
    }

    /** Exactly the declared grants: each staff member may read their own account, and the group its grants. */
    private static void settle(AuthorizationService authorizations, List<Member> declared) {
        List<Wanted> wanted = new ArrayList<>();
        operatorGrants().forEach(grant -> wanted.add(new Wanted(null, OPERATORS, grant)));
        declared.forEach(member -> wanted.add(new Wanted(member.id(), null,
                new Grant(Resources.USER, member.id(), Permissions.READ))));

        List<Wanted> missing = new ArrayList<>(wanted);
        for (Authorization found : authorizations.createAuthorizationQuery().list()) {
            Wanted match = wanted.stream().filter(w -> w.matches((AuthorizationEntity) found)).findFirst().orElse(null);
            if (match == null) {
                authorizations.deleteAuthorization(found.getId());
                log.warn("Removed an engine authorization not declared in the configuration: {} on {} '{}' for {}",
                        Arrays.toString(found.getPermissions(Permissions.values())), found.getResourceType(),
                        found.getResourceId(), found.getGroupId() != null ? "group " + found.getGroupId() : "user " + found.getUserId());
            } else {
                missing.remove(match);
            }
        }
        for (Wanted grant : missing) {
            Authorization created = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            created.setUserId(grant.userId());
            created.setGroupId(grant.groupId());
            created.setResource(grant.grant().resource());
            created.setResourceId(grant.grant().resourceId());
            Arrays.stream(grant.grant().permissions()).forEach(created::addPermission);
            authorizations.saveAuthorization(created);
        }
    }

    /** Writes to the identity store, which only this class may do (the engine's own provider is read-only). */
    private static void write(ProcessEngineConfigurationImpl engine, Consumer<DbIdentityServiceProvider> change) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            change.accept(new DbIdentityServiceProvider());
            return null;
        });
    }

    record Grant(Resource resource, String resourceId, Permission... permissions) {
        int bits() {
            return Arrays.stream(permissions).mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        }
    }

    private record Member(String id, String password, String group, String firstName, String lastName) {
    }

    private record Wanted(String userId, String groupId, Grant grant) {
        boolean matches(AuthorizationEntity found) {
            return found.getAuthorizationType() == AUTH_TYPE_GRANT && Objects.equals(found.getUserId(), userId)
                    && Objects.equals(found.getGroupId(), groupId)
                    && found.getResourceType() == grant.resource().resourceType()
                    && Objects.equals(found.getResourceId(), grant.resourceId())
                    && found.getPermissions() == grant.bits();
        }
    }
}
