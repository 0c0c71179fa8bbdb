package io.proofline.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-test KMS speaking the AWS KMS JSON protocol (POST /, {@code X-Amz-Target: TrentService.Encrypt},
 * {@code .Decrypt} or {@code .GenerateMac} with its HMAC key), so the real AWS SDK code path runs against it. Ciphertexts are AES-GCM under the
 * fake's own master key with the encryption context as associated data, like the real service's binding.
 */
final class FakeKmsServer implements AutoCloseable {

    static final String KEY_ID = "arn:aws:kms:us-east-1:000000000000:key/fake-test-key";
    static final String MAC_KEY_ID = "arn:aws:kms:us-east-1:000000000000:key/fake-hmac-key";

    private final HttpServer server;
    private final byte[] masterKey = new byte[32];
    private final byte[] macKey = new byte[32];
    private final ObjectMapper json = new ObjectMapper();
    final List<String> targets = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    FakeKmsServer() throws IOException {
        new java.security.SecureRandom().nextBytes(masterKey);
        new java.security.SecureRandom().nextBytes(macKey);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        targets.add(String.valueOf(target));
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        JsonNode request = json.readTree(exchange.getRequestBody());
        byte[] aad = EncryptionContexts.canonical(context(request));
        ObjectNode response = json.createObjectNode().put("KeyId", KEY_ID);
        try {
            switch (String.valueOf(target)) {
                case "TrentService.Encrypt" -> {
                    if (!KEY_ID.equals(request.path("KeyId").asText())) {
                        error(exchange, "NotFoundException", "key not found");
                        return;
                    }
                    byte[] plaintext = Base64.getDecoder().decode(request.path("Plaintext").asText());
                    response.put("CiphertextBlob", Base64.getEncoder().encodeToString(AesGcm.seal(masterKey, plaintext, aad)));
                }
                case "TrentService.Decrypt" -> {
                    if (request.has("KeyId") && !KEY_ID.equals(request.path("KeyId").asText())) {
                        error(exchange, "IncorrectKeyException", "wrong key");
                        return;
                    }
                    byte[] blob = Base64.getDecoder().decode(request.path("CiphertextBlob").asText());
                    response.put("Plaintext", Base64.getEncoder().encodeToString(AesGcm.open(masterKey, blob, aad)));
                }
                case "TrentService.GenerateMac" -> {
                    if (!MAC_KEY_ID.equals(request.path("KeyId").asText())
                            || !"HMAC_SHA_256".equals(request.path("MacAlgorithm").asText())) {
                        error(exchange, "InvalidKeyUsageException", "not an HMAC_256 key");
                        return;
                    }
                    byte[] message = Base64.getDecoder().decode(request.path("Message").asText());
                    response.put("KeyId", MAC_KEY_ID).put("MacAlgorithm", "HMAC_SHA_256")
                            .put("Mac", Base64.getEncoder().encodeToString(hmac(message)));
                }
                default -> {
                    error(exchange, "UnknownOperationException", "unknown target");
                    return;
                }
            }
        } catch (DecryptionFailedException e) {
            error(exchange, "InvalidCiphertextException", "");
            return;
        }
        send(exchange, 200, response);
    }

    private byte[] hmac(byte[] message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(macKey, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> context(JsonNode request) {
        Map<String, String> context = new TreeMap<>();
        request.path("EncryptionContext").fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue().asText()));
        return context;
    }

    private void error(HttpExchange exchange, String type, String message) throws IOException {
        exchange.getResponseHeaders().add("X-Amzn-ErrorType", type);
        send(exchange, 400, json.createObjectNode().put("__type", type).put("message", message));
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
