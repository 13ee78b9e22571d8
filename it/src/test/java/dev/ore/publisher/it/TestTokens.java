package dev.ore.publisher.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs MicroProfile JWT bearer tokens the way an identity provider would, with the test key pair
 * the test server trusts ({@code jwt/test-*.pem}), or with a key it does not know.
 */
public final class TestTokens {

    public static final String ISSUER = "https://tests.ore-publisher.dev";

    private TestTokens() {
    }

    public static String publisher(UUID team) {
        return sign("test-private.pem", claims(team, "publisher", Instant.now().plus(Duration.ofHours(1))));
    }

    public static String admin(UUID team) {
        return sign("test-private.pem", claims(team, "admin", Instant.now().plus(Duration.ofHours(1))));
    }

    public static String withRole(UUID team, String role) {
        return sign("test-private.pem", claims(team, role, Instant.now().plus(Duration.ofHours(1))));
    }

    public static String expired(UUID team) {
        return sign("test-private.pem", claims(team, "publisher", Instant.now().minus(Duration.ofHours(1))));
    }

    public static String signedByUnknownKey(UUID team) {
        return sign("unknown-private.pem", claims(team, "publisher", Instant.now().plus(Duration.ofHours(1))));
    }

    public static String withoutTeam() {
        JsonObjectBuilder claims = claims(null, "publisher", Instant.now().plus(Duration.ofHours(1)));
        return sign("test-private.pem", claims);
    }

    private static JsonObjectBuilder claims(UUID team, String role, Instant expiry) {
        Instant issued = expiry.minus(Duration.ofHours(2));
        JsonArrayBuilder groups = Json.createArrayBuilder().add(role);
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("iss", ISSUER)
                .add("sub", "user-" + UUID.randomUUID())
                .add("upn", "tester@ore-publisher.dev")
                .add("groups", groups)
                .add("iat", issued.getEpochSecond())
                .add("exp", expiry.getEpochSecond())
                .add("jti", UUID.randomUUID().toString());
        if (team != null) {
            claims.add("team_id", team.toString());
        }
        return claims;
    }

    private static String sign(String keyFile, JsonObjectBuilder claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(claims.build().toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey(keyFile));
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64.encodeToString(rs256.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign a test token with " + keyFile, e);
        }
    }

    private static PrivateKey privateKey(String keyFile) throws IOException, GeneralSecurityException {
        try (InputStream pem = TestTokens.class.getResourceAsStream("/jwt/" + keyFile)) {
            String base64 = new String(pem.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        }
    }
}
