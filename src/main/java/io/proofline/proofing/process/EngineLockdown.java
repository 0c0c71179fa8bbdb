package io.proofline.proofing.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import io.proofline.crypto.StaffPasswordHashes;

/**
 * What keeps the engine from being driven from outside (docs/security.md):
 * <ul>
 * <li>authorization checks on for every authenticated caller (Cockpit's users); our own code and the job
 * executor run unauthenticated, as the engine's owner;</li>
 * <li>the identity store read-only at run time: staff accounts are written only by {@link StaffAccounts} at
 * start, from configuration, so no API can add a user, a group or a membership, or change a password;</li>
 * <li>staff passwords under scrypt ({@link StaffPasswordEncryptor});</li>
 * <li>expressions resolve only the beans the models need ({@link ModelBeans});</li>
 * <li>no deployment but the models packaged in the jar ({@link PackagedModelsOnly}).</li>
 * </ul>
 */
@Component
class EngineLockdown extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final StaffPasswordHashes passwordHashes;
    private final String[] modelPatterns;
    private final StaffAccounts staffAccounts;

    EngineLockdown(ApplicationContext context, StaffPasswordHashes passwordHashes, StaffAccounts staffAccounts,
            @Value("${camunda.bpm.deployment-resource-pattern}") String[] modelPatterns) {
        this.context = context;
        this.passwordHashes = passwordHashes;
        this.staffAccounts = staffAccounts;
        this.modelPatterns = modelPatterns;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setAuthorizationEnabled(true);
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(DbReadOnlyIdentityServiceProvider.class));
        configuration.setPasswordEncryptor(new StaffPasswordEncryptor(passwordHashes));
        configuration.setCustomPasswordChecker(List.of());

        ModelBeans beans = new ModelBeans(context);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));

        List<Deployer> preDeployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            preDeployers.addAll(configuration.getCustomPreDeployers());
        }
        preDeployers.add(new PackagedModelsOnly(PackagedModelsOnly.digestsOf(modelPatterns), beans));
        configuration.setCustomPreDeployers(preDeployers);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        staffAccounts.reconcile((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
    }
}
