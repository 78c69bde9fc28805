package vn.actionmonth.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens are checked the way a service checks them: the signature against public.pem, then the claims. */
class DevTokensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path project;

    @Test
    void theTokenCommandSignsWithTheKeysOfTheStateDirectory() throws Exception {
        UUID unit = UUID.fromString("7c1b7d2e-7f0e-4a53-9d6e-2f1c5a8b9e01");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = StackLauncher.run(new String[] {"token", "--unit", unit.toString(), "--role", "reporter",
                "--role", "viewer", "--ttl", "PT2H"}, project, new PrintStream(out), System.err);

        assertThat(code).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        Path publicPem = project.resolve(".devstack/keys/public.pem");
        assertThat(verifies(token, publicPem)).as("signature checks with .devstack/keys/public.pem").isTrue();
        JsonNode header = part(token, 0);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("typ").asText()).isEqualTo("JWT");
        JsonNode claims = part(token, 1);
        assertThat(claims.path("iss").asText()).isEqualTo(DevKeys.ISSUER);
        assertThat(claims.path("unit_id").asText()).isEqualTo(unit.toString());
        assertThat(claims.path("groups")).extracting(JsonNode::asText).containsExactly("reporter", "viewer");
        assertThat(claims.path("sub").asText()).isEqualTo("dev-reporter-viewer@" + unit);
        assertThat(claims.path("upn").asText()).isEqualTo(claims.path("sub").asText());
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(Duration.ofHours(2).toSeconds());
        assertThat(UUID.fromString(claims.path("jti").asText())).isNotNull();
        assertThat(Files.getPosixFilePermissions(project.resolve(".devstack/keys/private.pem")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void keysAreGeneratedOnceAndReusedSoEarlierTokensStayValid() throws Exception {
        Path dir = project.resolve("keys");
        String before = DevTokens.mint(DevKeys.loadOrCreate(dir), "a", UUID.randomUUID(), List.of("viewer"),
                Duration.ofMinutes(5));
        String pemBefore = Files.readString(dir.resolve("public.pem"));

        DevKeys again = DevKeys.loadOrCreate(dir);

        assertThat(again.publicKeyPem()).isEqualTo(pemBefore);
        assertThat(verifies(before, dir.resolve("public.pem"))).isTrue();
        String other = DevTokens.mint(DevKeys.generate(), "a", UUID.randomUUID(), List.of("viewer"), Duration.ofMinutes(5));
        assertThat(verifies(other, dir.resolve("public.pem"))).as("a token of another key").isFalse();
    }

    @Test
    void aSubjectWithQuotesStaysValidJson() throws Exception {
        String token = DevTokens.mint(DevKeys.generate(), "Nguyễn \"Lan\"", UUID.randomUUID(), List.of("planner"),
                Duration.ofMinutes(1));

        assertThat(part(token, 1).path("sub").asText()).isEqualTo("Nguyễn \"Lan\"");
    }

    static boolean verifies(String token, Path publicPem) throws Exception {
        String[] parts = token.split("\\.");
        String body = Files.readString(publicPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        Signature sig = Signature.getInstance("SHA256withRSA");
        sig.initVerify(key);
        sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return sig.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    static JsonNode part(String token, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }
}
