package io.proofline.proofing.process;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;

import io.proofline.journey.ProcessIds;
import io.proofline.proofing.ProofingPolicy;

/**
 * The only beans a model's {@code ${...}} can name: our delegates and listeners, and the policy bean. Any other
 * bean (an encryptor, the vault, a JDBC client) is out of reach of an expression, whoever wrote the model. A
 * live view of the application context, looked up at first use, so the engine can be built before the
 * delegates that need it.
 */
final class ModelBeans extends AbstractMap<Object, Object> {

    private static final Set<Class<?>> ALLOWED_TYPES = Set.of(JavaDelegate.class, ExecutionListener.class,
            TaskListener.class, ProofingPolicy.class);

    private static final Set<String> VARIABLES = Arrays.stream(ProcessIds.Variables.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .map(ModelBeans::constant).collect(Collectors.toUnmodifiableSet());

    private final ApplicationContext context;
    private volatile Set<String> names;

    ModelBeans(ApplicationContext context) {
        this.context = context;
    }

    Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            known = ALLOWED_TYPES.stream()
                    .flatMap(type -> Arrays.stream(context.getBeanNamesForType(type, false, false)))
                    .collect(Collectors.toUnmodifiableSet());
            names = known;
        }
        return known;
    }

    /**
     * Whether a model's identifier names a bean of the application that a model may not reach. A process
     * variable of our vocabulary ({@link ProcessIds.Variables}) is not a bean, even where a bean has its name
     * ({@code certificateCheck}): at run time the variable wins, and the bean is out of reach anyway.
     */
    boolean isForbiddenBean(String name) {
        return context.containsBean(name) && !names().contains(name) && !VARIABLES.contains(name);
    }

    private static String constant(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public boolean containsKey(Object name) {
        return names().contains(name);
    }

    @Override
    public Object get(Object name) {
        return containsKey(name) ? context.getBean((String) name) : null;
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        return names().stream().map(name -> Map.entry((Object) name, context.getBean(name)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
