package io.proofline.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.proofline.support.PostgresIntegrationTest;
import io.proofline.system.ManagementPort;

/**
 * An operator registers, changes and removes a partner agency through {@code /actuator/agencies} on the management
 * port with their credentials; a registration with problems is refused with every problem named; nobody else writes.
 */
class AgencyRegistrationOnPostgresTest extends PostgresIntegrationTest {

    @Autowired ManagementPort management;
    @Autowired Agencies agencies;
    @Value("${proofline.operator.username}") String operator;
    @Value("${proofline.operator.password}") String operatorPassword;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOperatorRegistersChangesAndRemovesAnAgencyAndNobodyElseCan() throws Exception {
        String clientId = "benefits-" + UUID.randomUUID();
        String keys = new JWKSet(new RSAKeyGenerator(2048).keyID("k1").generate().toPublicJWK()).toString();
        String registration = """
                {"displayName": "State Benefits", "kind": "web",
                 "redirectUris": "https://benefits.example.gov/callback",
                 "scopes": "openid email profile:name", "levels": "verified",
                 "jwks": %s}""".formatted(quoted(keys));

        assertThat(send("POST", clientId, registration, null).statusCode()).as("without credentials").isEqualTo(401);
        assertThat(agencies.find(clientId)).isEmpty();

        HttpResponse<String> registered = send("POST", clientId, registration, operatorPassword);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(agencies.find(clientId)).hasValueSatisfying(agency -> {
            assertThat(agency.displayName()).isEqualTo("State Benefits");
            assertThat(agency.levels()).containsExactly(AgencyLevel.VERIFIED);
        });
        assertThat(send("GET", clientId, null, null).body()).contains("State Benefits", "profile:name");

        HttpResponse<String> refused = send("POST", clientId, """
                {"displayName": "State Benefits", "kind": "web", "redirectUris": "http://benefits.example.gov/cb",
                 "scopes": "openid made-up", "levels": "ial9"}""", operatorPassword);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("problems", "made-up", "ial9", "https", "jwks");
        assertThat(agencies.find(clientId).orElseThrow().scopes()).as("the refused change left it as it was")
                .containsExactlyInAnyOrder("openid", "email", "profile:name");

        assertThat(send("DELETE", clientId, null, null).statusCode()).as("without credentials").isEqualTo(401);
        assertThat(send("DELETE", clientId, null, operatorPassword).statusCode()).isEqualTo(204);
        assertThat(agencies.find(clientId)).isEmpty();
    }

    private HttpResponse<String> send(String method, String clientId, String json, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(management.localUrl() + "/actuator/agencies/"
                + clientId)).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (password != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (operator + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
