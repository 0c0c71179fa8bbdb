package io.proofline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.proofline.address.AddressFailure;
import io.proofline.documents.DocumentFailure;
import io.proofline.journey.FailureReason;
import io.proofline.pivcac.PivCacFailure;
import io.proofline.resolution.DmvFailure;
import io.proofline.resolution.ResolutionFailure;
/** English and French say the same things: same keys, none empty, none unused, none missing. */
class MessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
    /** Words that are the same in both languages. */
    private static final Set<String> SAME_IN_BOTH = Set.of("service.name", "page.title");

    private final Properties english = load("messages.properties");
    private final Properties french = load("messages_fr.properties");

    @Test
    void everyKeyExistsInEnglishAndInFrench() {
        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @Test
    void noMessageIsEmptyAndFrenchIsReallyTranslated() {
        for (String key : english.stringPropertyNames()) {
            assertThat(english.getProperty(key)).as(key).isNotBlank();
            assertThat(french.getProperty(key)).as(key).isNotBlank();
            if (!SAME_IN_BOTH.contains(key)) {
                assertThat(french.getProperty(key)).as(key + " in French").isNotEqualTo(english.getProperty(key));
            }
        }
    }

    @Test
    void everyKeyATemplateUsesExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> used = templateKeys();
        String javaSources = javaSources();
        // a failed check's advice: each reason's key, derived from its enum constant (FailureReason.messageKey)
        // (the letter's and the Post Office's address refusals are shown on no page: they have none)
        Stream.of(DocumentFailure.values(), PivCacFailure.values(), ResolutionFailure.values(), DmvFailure.values(),
                new FailureReason[] {AddressFailure.PHONE_NOT_TIED_TO_PERSON, AddressFailure.NOT_A_US_NUMBER,
                        AddressFailure.CODE_UNDELIVERABLE})
                .flatMap(Arrays::stream).map(FailureReason::messageKey).forEach(used::add);
        // the consent page's and the account page's names of each claim and sharing event (ConnectController)
        Arrays.stream(io.proofline.sharing.AgencyScope.values()).flatMap(scope -> scope.claims().stream())
                .filter(claim -> !claim.endsWith("_verified")).map(claim -> "connect.claim." + claim).forEach(used::add);
        Arrays.stream(io.proofline.sharing.SharingEvents.Kind.values())
                .map(kind -> "connected.event." + kind.name()).forEach(used::add);
        // each line of the account's history (AccountPage)
        Arrays.stream(io.proofline.accounts.AccountHistory.Kind.values())
                .map(kind -> "account.history." + kind.name()).forEach(used::add);

        assertThat(english.stringPropertyNames()).containsAll(used);
        for (String key : english.stringPropertyNames()) {
            assertThat(used.contains(key) || javaSources.contains('"' + key + '"'))
                    .as(key + " is used by a template or the code").isTrue();
        }
    }

    @Test
    void messagesWithArgumentsEscapeTheirApostrophes() {
        // MessageFormat reads a lone ' as a quote and silently drops text after it.
        for (Properties messages : new Properties[] {english, french}) {
            messages.forEach((key, value) -> {
                if (value.toString().contains("{0}")) {
                    assertThat(value.toString().replace("''", "")).as(key.toString()).doesNotContain("'");
                }
            });
        }
    }

    private static Set<String> templateKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String withoutComments = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
                Matcher matcher = TEMPLATE_KEY.matcher(withoutComments);
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }

    private static String javaSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(source));
            }
        }
        return all.toString();
    }

    private static Properties load(String name) {
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
