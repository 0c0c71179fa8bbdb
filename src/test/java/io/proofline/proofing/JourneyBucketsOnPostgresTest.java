package io.proofline.proofing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;
import io.proofline.accounts.AccountId;
import io.proofline.accounts.Accounts;
import io.proofline.accounts.Profiles;
import io.proofline.address.PhoneVerification;
import io.proofline.analytics.JourneyBuckets;
import io.proofline.documents.DocumentCheck;
import io.proofline.journey.JourneyId;
import io.proofline.journey.ProcessIds.Outcome;
import io.proofline.proofing.JourneyDriver.Person;
import io.proofline.support.PostgresIntegrationTest;
import io.proofline.vault.PiiVault;
import io.proofline.vendors.VendorStubServer;

/**
 * The analysts' hourly buckets on PostgreSQL, after a scripted mix of journeys: one verified by state ID and phone,
 * one with a vendor error and a failed upload then abandoned (cancelled), one left at the upload (walked away from).
 * The buckets must equal exactly what the script did: per activity, what the engine's own history recorded (entered;
 * completed or cancelled; each check's outcome as the script chose it); per process, the journeys started, ended and
 * cancelled; per sequence flow, what entered each element and what left it. A context of its own, so nothing else
 * moves journeys meanwhile.
 */
@TestPropertySource(properties = "proofline.test.context=journey-buckets")
class JourneyBucketsOnPostgresTest extends PostgresIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(JourneyBucketsOnPostgresTest.class);
    private static final Set<String> CHECK_OUTCOMES = Set.of("PASS", "FAIL", "VENDOR_ERROR", JourneyBuckets.COMPLETED);

    @Autowired Accounts accounts;
    @Autowired Profiles profiles;
    @Autowired Journeys journeys;
    @Autowired JourneyEngine engine;
    @Autowired PiiVault vault;
    @Autowired DocumentCheck documents;
    @Autowired VendorStubServer stubs;
    @Autowired PhoneVerification phones;
    @Autowired JourneyBuckets buckets;
    @Autowired ProcessEngine camunda;
    @Autowired MeterRegistry meters;

    /** (process key, version, element, outcome), every hour summed. */
    record Key(String processKey, int version, String elementId, String outcome) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            return Comparator.comparing(Key::processKey).thenComparingInt(Key::version).thenComparing(Key::elementId)
                    .thenComparing(Key::outcome).compare(this, other);
        }
    }

    @Test
    void theBucketsAreExactlyWhatTheJourneysDid() throws Exception {
        Map<Key, Long> before = counts();
        double statementsBefore = meter("proofline.analytics.bucket.statements");
        double flushesBefore = meter("proofline.analytics.bucket.flushes");
        double eventsBefore = meter("proofline.analytics.bucket.events");

        // A pass: state ID, phone, the data protected, consent, verified.
        Person passing = Person.random();
        AccountId passer = accounts.signUp(passing.email(), JourneyDriver.PASSWORD);
        JourneyId verified = driver().begin(passer, "STATE_ID");
        driver().throughTheStateId(verified, passing);
        driver().byPhone(verified, passing, phones::verifyCode);
        driver().protectTheData(passer, verified);
        driver().complete(verified, "ConsentToShare", Map.of());
        driver().awaitEnded(verified);

        // A vendor error, then a failed upload, then abandoned.
        Person failing = Person.random();
        AccountId failer = accounts.signUp(failing.email(), JourneyDriver.PASSWORD);
        JourneyId abandoned = driver().begin(failer, "STATE_ID");
        driver().upload(abandoned, "STUB:ERROR");
        assertThat(driver().awaitTask(abandoned, "UploadDocuments").checkWas(Outcome.VENDOR_ERROR)).isTrue();
        driver().upload(abandoned, "STUB:FAKE");
        assertThat(driver().awaitTask(abandoned, "UploadDocuments").checkWas(Outcome.FAIL)).isTrue();
        journeys.abandon(failer);

        // Walked away from at the upload.
        AccountId walker = accounts.signUp(Person.random().email(), JourneyDriver.PASSWORD);
        JourneyId leftOpen = driver().begin(walker, "STATE_ID");
        driver().awaitTask(leftOpen, "UploadDocuments");

        Map<Key, Long> moved = minus(counts(), before);
        double statements = meter("proofline.analytics.bucket.statements") - statementsBefore;
        double flushes = meter("proofline.analytics.bucket.flushes") - flushesBefore;
        double events = meter("proofline.analytics.bucket.events") - eventsBefore;

        List<String> roots = List.of(instanceOf(verified), instanceOf(abandoned), instanceOf(leftOpen));
        List<HistoricProcessInstance> instances = new ArrayList<>();
        roots.forEach(root -> instances.addAll(camunda.getHistoryService().createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(root).list()));

        // Per process and per activity, as the history recorded them; checks' ends are compared as "ended" here.
        Map<Key, Long> expected = new TreeMap<>();
        Map<Key, Long> checkEnds = new TreeMap<>();
        for (HistoricProcessInstance instance : instances) {
            ProcessDefinition definition = definition(instance.getProcessDefinitionId());
            add(expected, new Key(definition.getKey(), definition.getVersion(), definition.getKey(), JourneyBuckets.ENTERED));
            if (instance.getEndTime() != null) {
                add(expected, new Key(definition.getKey(), definition.getVersion(), definition.getKey(),
                        "COMPLETED".equals(instance.getState()) ? JourneyBuckets.COMPLETED : JourneyBuckets.CANCELLED));
            }
            for (HistoricActivityInstance activity : history().createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).orderPartiallyByOccurrence().asc().list()) {
                add(expected, new Key(definition.getKey(), definition.getVersion(), activity.getActivityId(),
                        JourneyBuckets.ENTERED));
                if (activity.getEndTime() != null) {
                    Key end = new Key(definition.getKey(), definition.getVersion(), activity.getActivityId(),
                            activity.isCanceled() ? JourneyBuckets.CANCELLED : JourneyBuckets.COMPLETED);
                    add(expected, end);
                }
            }
        }
        Map<Key, Long> movedActivities = new TreeMap<>();
        moved.forEach((key, count) -> {
            if (JourneyBuckets.TAKEN.equals(key.outcome())) {
                return;
            }
            boolean checkOutcome = !Set.of(JourneyBuckets.ENTERED, JourneyBuckets.COMPLETED, JourneyBuckets.CANCELLED)
                    .contains(key.outcome());
            if (checkOutcome) {
                add(checkEnds, key, count);
            }
            add(movedActivities, checkOutcome ? new Key(key.processKey(), key.version(), key.elementId(),
                    JourneyBuckets.COMPLETED) : key, count);
        });
        assertThat(movedActivities).as("per process and activity: the history's own account").isEqualTo(expected);

        // The checks' outcomes, as the script chose them: every check of the pass passed; the upload failed twice.
        int stateId = definitionVersion("state-id-verification");
        Map<Key, Long> uploads = new TreeMap<>();
        checkEnds.forEach((key, count) -> {
            if (key.elementId().equals("AuthenticateDocument")) {
                uploads.put(key, count);
            }
        });
        assertThat(uploads).isEqualTo(Map.of(
                new Key("state-id-verification", stateId, "AuthenticateDocument", "PASS"), 1L,
                new Key("state-id-verification", stateId, "AuthenticateDocument", "VENDOR_ERROR"), 1L,
                new Key("state-id-verification", stateId, "AuthenticateDocument", "FAIL"), 1L));
        assertThat(checkEnds.keySet()).extracting(Key::outcome).allMatch(CHECK_OUTCOMES::contains);
        checkEnds.forEach((key, count) -> {
            if (!key.elementId().equals("AuthenticateDocument")) {
                assertThat(key.outcome()).as(key.elementId() + " in the passing journey").isEqualTo("PASS");
            }
        });
        assertThat(checkEnds.keySet()).extracting(Key::elementId).contains("ResolveIdentity", "CheckPhoneRecords",
                "SendOneTimeCode");

        // Per sequence flow: what entered each element came by its incoming flows, what completed it left by one outgoing.
        Map<Key, Long> flows = new TreeMap<>();
        moved.forEach((key, count) -> {
            if (JourneyBuckets.TAKEN.equals(key.outcome())) {
                flows.put(key, count);
            }
        });
        assertThat(flows).isNotEmpty();
        Map<String, BpmnModelInstance> models = new HashMap<>();
        for (Key key : movedActivities.keySet()) {
            if (key.elementId().equals(key.processKey()) || !key.outcome().equals(JourneyBuckets.ENTERED)) {
                continue;
            }
            BpmnModelInstance model = models.computeIfAbsent(key.processKey() + ":" + key.version(),
                    id -> camunda.getRepositoryService().getBpmnModelInstance(definitionId(key.processKey(), key.version())));
            FlowNode node = model.getModelElementById(key.elementId());
            long entered = movedActivities.get(key);
            long left = movedActivities.getOrDefault(new Key(key.processKey(), key.version(), key.elementId(),
                    JourneyBuckets.COMPLETED), 0L);
            if (!(node instanceof StartEvent) && !(node instanceof BoundaryEvent)) {
                assertThat(node.getIncoming().stream().mapToLong(flow -> taken(flows, key, flow)).sum())
                        .as("flows taken into " + key.elementId()).isEqualTo(entered);
            }
            if (!(node instanceof EndEvent)) {
                assertThat(node.getOutgoing().stream().mapToLong(flow -> taken(flows, key, flow)).sum())
                        .as("flows taken out of " + key.elementId()).isEqualTo(left);
            }
        }
        assertThat(flows.keySet()).as("every flow counted is a flow of its model").allSatisfy(key -> assertThat(
                camunda.getRepositoryService().getBpmnModelInstance(definitionId(key.processKey(), key.version()))
                        .<org.camunda.bpm.model.bpmn.instance.BaseElement>getModelElementById(key.elementId()))
                .isInstanceOf(SequenceFlow.class));
        // By the script: the failed and the vendor-failed upload went back to the upload, the walker is still there.
        long enteredUpload = movedActivities.get(new Key("state-id-verification", stateId, "UploadDocuments",
                JourneyBuckets.ENTERED));
        assertThat(enteredUpload).as("1 + 3 + 1 visits of the upload").isEqualTo(5);

        // The cost: one upsert per distinct bucket a transaction touched, in one batch per transaction.
        log.info("Journey buckets: {} events in {} transactions, {} statements ({} per transaction, {} per event)",
                (long) events, (long) flushes, (long) statements, String.format("%.1f", statements / flushes),
                String.format("%.2f", statements / events));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/journey-bucket-cost.txt"), String.format(
                "%d events in %d transactions, %d statements%n", (long) events, (long) flushes, (long) statements));
        assertThat(statements).as("one statement per transaction on PostgreSQL").isEqualTo(flushes);
        assertThat(statements).isLessThan(events);
        assertThat(events).isEqualTo(moved.values().stream().mapToLong(Long::longValue).sum());
    }

    private static long taken(Map<Key, Long> flows, Key node, SequenceFlow flow) {
        return flows.getOrDefault(new Key(node.processKey(), node.version(), flow.getId(), JourneyBuckets.TAKEN), 0L);
    }

    private Map<Key, Long> counts() {
        Map<Key, Long> counts = new TreeMap<>();
        for (JourneyBuckets.Row row : buckets.all()) {
            add(counts, new Key(row.bucket().processKey(), row.bucket().processVersion(), row.bucket().elementId(),
                    row.bucket().outcome()), row.count());
        }
        return counts;
    }

    private static Map<Key, Long> minus(Map<Key, Long> after, Map<Key, Long> before) {
        Map<Key, Long> difference = new TreeMap<>();
        after.forEach((key, count) -> {
            long moved = count - before.getOrDefault(key, 0L);
            if (moved != 0) {
                difference.put(key, moved);
            }
        });
        return difference;
    }

    private static void add(Map<Key, Long> counts, Key key) {
        add(counts, key, 1L);
    }

    private static void add(Map<Key, Long> counts, Key key, long count) {
        counts.merge(key, count, Long::sum);
    }

    private double meter(String name) {
        return meters.get(name).counter().count();
    }

    private HistoryService history() {
        return camunda.getHistoryService();
    }

    private String instanceOf(JourneyId journey) {
        return history().createHistoricProcessInstanceQuery().processInstanceBusinessKey(journey.toString())
                .processDefinitionKey("identity-proofing").singleResult().getId();
    }

    private ProcessDefinition definition(String id) {
        return camunda.getRepositoryService().getProcessDefinition(id);
    }

    private int definitionVersion(String key) {
        return camunda.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult().getVersion();
    }

    private String definitionId(String key, int version) {
        return camunda.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult().getId();
    }

    private JourneyDriver driver() {
        return new JourneyDriver(journeys, engine, vault, documents, profiles, stubs);
    }
}
