package io.proofline.proofing.process;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Refuses every new deployment but the models packaged in the jar, whoever asks (Cockpit, Java code, a model
 * that tries to deploy another): the diagrams a reviewer reads are the only ones that can run. A resource is
 * accepted only if its bytes are those of a packaged model, and only if none of its expressions names a bean
 * outside {@link ModelBeans}. Deployments already in the database (older versions of our models, re-read after a
 * restart) are not new and pass.
 */
final class PackagedModelsOnly implements Deployer {

    private final Set<String> packagedDigests;
    private final ModelBeans beans;

    PackagedModelsOnly(Set<String> packagedDigests, ModelBeans beans) {
        this.packagedDigests = Set.copyOf(packagedDigests);
        this.beans = beans;
    }

    /** The digests of the models found under the engine's deployment patterns, as the auto-deployment reads them. */
    static Set<String> digestsOf(String... patterns) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Set<String> digests = new HashSet<>();
        try {
            for (String pattern : patterns) {
                for (Resource model : resolver.getResources(pattern)) {
                    try (InputStream in = model.getInputStream()) {
                        digests.add(digest(in.readAllBytes()));
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException("Cannot read the packaged models " + String.join(",", patterns), unreadable);
        }
        return digests;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            for (String name : ModelExpressions.identifiers(resource.getName(), resource.getBytes())) {
                if (beans.isForbiddenBean(name)) {
                    throw new DeploymentRefusedException(resource.getName() + " names the bean '" + name
                            + "', which a model may not reach (only delegates, listeners and the policy bean)");
                }
            }
            if (!packagedDigests.contains(digest(resource.getBytes()))) {
                throw new DeploymentRefusedException(resource.getName()
                        + " is not one of the models packaged with this service: nothing else is deployed");
            }
        }
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Thrown, and so rolled back, for a deployment the service refuses. */
    static final class DeploymentRefusedException extends ProcessEngineException {
        DeploymentRefusedException(String why) {
            super("Deployment refused: " + why);
        }
    }
}
