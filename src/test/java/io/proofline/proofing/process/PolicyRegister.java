package io.proofline.proofing.process;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/policy/register.yml read, checked against the seeds, the models, application.yml and the test sources, and
 * rendered to Markdown. Each check returns its problems (empty: it holds), so that a test can show them all at once.
 */
final class PolicyRegister {

    static final Path FILE = Path.of("docs/policy/register.yml");
    static final Path RENDERED = Path.of("docs/policy-register.md");
    static final Path SEEDS = Path.of("docs/policy/seeds");
    static final Path MODELS = Path.of("bpmn");
    static final Path CONFIGURATION = Path.of("src/main/resources/application.yml");
    static final Path TEST_SOURCES = Path.of("src/test/java");
    static final String RULE_PROPERTY = "rule";

    record Seed(String key, String file, String title) {
    }

    record Rule(String id, String seed, String words, Map<String, List<String>> elements, List<String> components,
            List<String> configuration, List<String> tests, String note) {
    }

    record Gap(String seed, String words, String why) {
    }

    final Map<String, Seed> seeds;
    final List<Rule> rules;
    final List<Gap> gaps;

    private PolicyRegister(Map<String, Seed> seeds, List<Rule> rules, List<Gap> gaps) {
        this.seeds = seeds;
        this.rules = rules;
        this.gaps = gaps;
    }

    static PolicyRegister read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return fromYaml(yaml().load(reader));
        }
    }

    static PolicyRegister parse(String yaml) {
        return fromYaml(yaml().load(yaml));
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(500); // both evidence paths share their phone and letter steps by alias
        return new Yaml(options);
    }

    @SuppressWarnings("unchecked")
    private static PolicyRegister fromYaml(Map<String, Object> root) {
        Map<String, Seed> seeds = new LinkedHashMap<>();
        ((Map<String, Map<String, String>>) root.get("seeds")).forEach((key, seed) ->
                seeds.put(key, new Seed(key, seed.get("file"), seed.get("title"))));
        List<Rule> rules = new ArrayList<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) root.get("rules")) {
            rules.add(new Rule((String) rule.get("id"), (String) rule.get("seed"), (String) rule.get("words"),
                    (Map<String, List<String>>) rule.getOrDefault("elements", Map.of()),
                    (List<String>) rule.getOrDefault("components", List.of()),
                    (List<String>) rule.getOrDefault("configuration", List.of()),
                    (List<String>) rule.getOrDefault("tests", List.of()), (String) rule.get("note")));
        }
        List<Gap> gaps = new ArrayList<>();
        for (Map<String, String> gap : (List<Map<String, String>>) root.getOrDefault("gaps", List.of())) {
            gaps.add(new Gap(gap.get("seed"), gap.get("words"), gap.get("why")));
        }
        return new PolicyRegister(seeds, rules, gaps);
    }

    // ---- the checks ----

    List<String> idProblems() {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.id() == null || !rule.id().matches("\\d{3}-[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add(rule.id() + ": not an id of the form 004-state-id-4");
            } else if (!rule.id().startsWith(rule.seed() + "-")) {
                problems.add(rule.id() + ": does not start with its seed " + rule.seed());
            }
            if (!seen.add(rule.id())) {
                problems.add(rule.id() + ": listed twice");
            }
        }
        return problems;
    }

    /** The words are the seed's own (whitespace aside), so a reviewer can find them in the page. */
    List<String> wordProblems(Map<String, String> seedTexts) {
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            problems.addAll(quoteProblems(rule.id(), rule.seed(), rule.words(), seedTexts));
        }
        for (Gap gap : gaps) {
            problems.addAll(quoteProblems("gap of seed " + gap.seed(), gap.seed(), gap.words(), seedTexts));
        }
        return problems;
    }

    private List<String> quoteProblems(String what, String seed, String words, Map<String, String> seedTexts) {
        if (!seeds.containsKey(seed) || !seedTexts.containsKey(seed)) {
            return List.of(what + ": no seed " + seed);
        }
        if (words == null || words.isBlank()) {
            return List.of(what + ": no words");
        }
        if (!normalized(seedTexts.get(seed)).contains(normalized(words))) {
            return List.of(what + ": words not found in seed " + seeds.get(seed).file() + ": \"" + words + "\"");
        }
        return List.of();
    }

    private static final Pattern NUMBERED_STEP = Pattern.compile("^\\s*- ((?:\\d+|[a-z]|[ivx]+)\\.\\s.*)$");
    private static final Map<String, String> SEED_004_SECTIONS = Map.of(
            "What we need to verify a user's identity", "004-evidence",
            "Identity proofing with a state-issued ID", "004-state-id",
            "Identity proofing with a government employee ID", "004-piv-cac");

    /**
     * Every numbered step and sub-step of seed 004, on both paths, is covered by the rules of its path: the words of
     * the path's rules found in the step, taken out of it, leave nothing.
     */
    List<String> seed004CoverageProblems(String seed004) {
        List<String> problems = new ArrayList<>();
        String prefix = null;
        for (String line : seed004.split("\n")) {
            if (SEED_004_SECTIONS.containsKey(line.trim())) {
                prefix = SEED_004_SECTIONS.get(line.trim());
                continue;
            }
            Matcher step = NUMBERED_STEP.matcher(line);
            if (prefix == null || !step.matches()) {
                continue;
            }
            String left = normalized(step.group(1));
            String path = prefix;
            for (Rule rule : rules) {
                if ((rule.id() + "-").startsWith(path + "-") && rule.words() != null
                        && left.contains(normalized(rule.words()))) {
                    left = left.replace(normalized(rule.words()), " ");
                }
            }
            if (!left.isBlank()) {
                problems.add(path + ": no rule for \"" + left.strip() + "\" (step \"" + step.group(1).strip() + "\")");
            }
        }
        return problems;
    }

    List<String> completenessProblems() {
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.elements().values().stream().allMatch(List::isEmpty) && rule.components().isEmpty()) {
                problems.add(rule.id() + ": names no BPMN element and no component that implements it");
            }
            if (rule.tests().isEmpty()) {
                problems.add(rule.id() + ": names no test that proves it");
            }
        }
        return problems;
    }

    /**
     * The models and the register say the same: each element the register names exists and carries the rule, each
     * task and gateway carries a rule, and each rule an element carries is in the register and names that element.
     */
    List<String> modelProblems(Map<String, BpmnModelInstance> models) {
        List<String> problems = new ArrayList<>();
        Map<String, Rule> byId = rules.stream().collect(Collectors.toMap(Rule::id, r -> r, (a, b) -> a));
        for (Rule rule : rules) {
            rule.elements().forEach((modelId, ids) -> {
                BpmnModelInstance model = models.get(modelId);
                if (model == null) {
                    problems.add(rule.id() + ": no model " + modelId + " in bpmn/");
                    return;
                }
                for (String id : ids) {
                    BaseElement element = model.getModelElementById(id);
                    if (!(element instanceof FlowNode)) {
                        problems.add(rule.id() + ": " + modelId + " has no element " + id);
                    } else if (!rulesOf(element).contains(rule.id())) {
                        problems.add(rule.id() + ": " + modelId + "/" + id + " does not carry it (camunda:property rule)");
                    }
                }
            });
        }
        models.forEach((modelId, model) -> {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                List<String> carried = rulesOf(node);
                if (carried.isEmpty() && (node instanceof Task || node instanceof CallActivity || node instanceof Gateway)) {
                    problems.add(modelId + "/" + node.getId() + ": implements no rule of the register");
                }
                for (String ruleId : carried) {
                    Rule rule = byId.get(ruleId);
                    if (rule == null) {
                        problems.add(modelId + "/" + node.getId() + ": carries " + ruleId + ", which the register lacks");
                    } else if (!rule.elements().getOrDefault(modelId, List.of()).contains(node.getId())) {
                        problems.add(modelId + "/" + node.getId() + ": carries " + ruleId
                                + ", whose register entry does not name it");
                    }
                }
            }
        });
        return problems;
    }

    static List<String> rulesOf(BaseElement element) {
        if (element.getExtensionElements() == null) {
            return List.of();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> RULE_PROPERTY.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).toList();
    }

    List<String> configurationProblems(Set<String> keys) {
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            for (String key : rule.configuration()) {
                if (!keys.contains(key)) {
                    problems.add(rule.id() + ": configuration key " + key + " is not in application.yml");
                }
            }
        }
        return problems;
    }

    List<String> componentProblems() {
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            for (String component : rule.components()) {
                try {
                    Class.forName(component, false, PolicyRegister.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    problems.add(rule.id() + ": no component " + component);
                }
            }
        }
        return problems;
    }

    /** Each test is "SimpleClassName.method", a class of src/test/java and a JUnit test method of it. */
    List<String> testProblems(Path testSources) throws IOException {
        Map<String, List<Path>> classFiles;
        try (Stream<Path> files = Files.walk(testSources)) {
            classFiles = files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.groupingBy(
                    f -> f.getFileName().toString().replaceFirst("\\.java$", "")));
        }
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            for (String test : rule.tests()) {
                int dot = test.indexOf('.');
                if (dot < 0) {
                    problems.add(rule.id() + ": test " + test + " is not Class.method");
                    continue;
                }
                String className = test.substring(0, dot);
                String methodName = test.substring(dot + 1);
                List<Path> files = classFiles.getOrDefault(className, List.of());
                if (files.size() != 1) {
                    problems.add(rule.id() + ": " + (files.isEmpty() ? "no test class " : "more than one test class ")
                            + className + " in " + testSources);
                    continue;
                }
                String qualified = testSources.relativize(files.get(0)).toString()
                        .replaceFirst("\\.java$", "").replace('/', '.');
                Class<?> type;
                try {
                    type = Class.forName(qualified, false, PolicyRegister.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    problems.add(rule.id() + ": test class " + qualified + " is not compiled");
                    continue;
                }
                if (testMethod(type, methodName).isEmpty()) {
                    problems.add(rule.id() + ": " + className + " has no test method " + methodName);
                }
            }
        }
        return problems;
    }

    /** Declared on the class, a superclass or an interface (EngineLockChecks' default methods), annotated @Test or alike. */
    private static Optional<Method> testMethod(Class<?> type, String name) {
        Deque<Class<?>> types = new ArrayDeque<>(List.of(type));
        Set<Class<?>> seen = new LinkedHashSet<>();
        while (!types.isEmpty()) {
            Class<?> current = types.pop();
            if (current == null || current == Object.class || !seen.add(current)) {
                continue;
            }
            for (Method method : current.getDeclaredMethods()) {
                if (method.getName().equals(name) && AnnotationSupport.isAnnotated(method, Testable.class)) {
                    return Optional.of(method);
                }
            }
            types.add(current.getSuperclass() == null ? Object.class : current.getSuperclass());
            types.addAll(List.of(current.getInterfaces()));
        }
        return Optional.empty();
    }

    // ---- the inputs ----

    static Map<String, String> seedTexts(PolicyRegister register, Path seedsFolder) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Seed seed : register.seeds.values()) {
            Path file = seedsFolder.resolve(seed.file());
            if (Files.exists(file)) {
                texts.put(seed.key(), Files.readString(file));
            }
        }
        return texts;
    }

    static Map<String, BpmnModelInstance> models(Path folder) throws IOException {
        Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (Process process : model.getModelElementsByType(Process.class)) {
                    models.put(process.getId(), model);
                }
            }
        }
        return models;
    }

    /** Every key of application.yml, its sections included (proofline.throttle and proofline.throttle.document...). */
    @SuppressWarnings("unchecked")
    static Set<String> configurationKeys(Path applicationYml) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Reader reader = Files.newBufferedReader(applicationYml)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document instanceof Map<?, ?> map) {
                    collectKeys("", (Map<String, Object>) map, keys);
                }
            }
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static void collectKeys(String prefix, Map<String, Object> map, Set<String> keys) {
        map.forEach((key, value) -> {
            String path = prefix + key;
            keys.add(path);
            if (value instanceof Map<?, ?> child) {
                collectKeys(path + ".", (Map<String, Object>) child, keys);
            }
        });
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    // ---- the page ----

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Policy register\n\n")
                .append("Every rule of the seeds (Login.gov's public pages, copied in [`policy/seeds/`](policy/seeds/)), the BPMN ")
                .append("elements or components that implement it, the configuration its values come from, and the tests ")
                .append("that prove it. Written from [`policy/register.yml`](policy/register.yml) by `PolicyRegisterTest`, ")
                .append("which fails when this page, the models or the tests disagree with it: edit the yml, then run ")
                .append("`mvn -o test -Dexec.skip -Dtest=PolicyRegisterTest -Dproofline.register.write=true`.\n");
        for (Seed seed : seeds.values()) {
            List<Rule> ofSeed = rules.stream().filter(r -> r.seed().equals(seed.key())).toList();
            if (ofSeed.isEmpty()) {
                continue;
            }
            md.append("\n## Seed ").append(seed.key()).append(": ").append(seed.title())
                    .append(" ([`").append(seed.file()).append("`](policy/seeds/").append(seed.file()).append("))\n\n")
                    .append("| rule | the seed's words | implemented by | configuration | proved by |\n")
                    .append("|---|---|---|---|---|\n");
            for (Rule rule : ofSeed) {
                List<String> implementers = new ArrayList<>();
                rule.elements().forEach((model, ids) -> implementers.add("`" + model + "`: "
                        + ids.stream().map(id -> "`" + id + "`").collect(Collectors.joining(", "))));
                rule.components().forEach(c -> implementers.add("`" + c.replaceFirst("^io\\.proofline\\.", "") + "`"));
                md.append("| `").append(rule.id()).append("` | ").append(cell(rule.words()));
                if (rule.note() != null) {
                    md.append("<br>*Note:* ").append(cell(rule.note()));
                }
                md.append(" | ").append(String.join("<br>", implementers))
                        .append(" | ").append(codes(rule.configuration()))
                        .append(" | ").append(codes(rule.tests())).append(" |\n");
            }
        }
        if (!gaps.isEmpty()) {
            md.append("\n## Not implemented\n\n| seed | the seed's words | why |\n|---|---|---|\n");
            for (Gap gap : gaps) {
                md.append("| ").append(gap.seed()).append(" | ").append(cell(gap.words())).append(" | ")
                        .append(cell(gap.why())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String codes(Collection<String> values) {
        return values.stream().map(v -> "`" + v + "`").collect(Collectors.joining("<br>"));
    }

    private static String cell(String text) {
        return normalized(text).replace("|", "\\|");
    }
}
