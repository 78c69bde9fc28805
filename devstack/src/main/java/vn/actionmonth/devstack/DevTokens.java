package vn.actionmonth.devstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signs RS256 bearer tokens shaped like the production identity provider's: the user's unit id
 * in {@code unit_id} and roles in {@code groups}.
 */
public final class DevTokens {

    private DevTokens() {
    }

    public static String mint(DevKeys keys, String subject, UUID unitId, Collection<String> roles, Duration ttl) {
        return mint(keys, subject, unitId, roles, Instant.now(), ttl, DevKeys.AUDIENCE);
    }

    /**
     * A token issued at {@code issuedAt} for {@code audience} (none when null): tests show the
     * services refuse old, long-lived and foreign-audience tokens.
     */
    public static String mint(DevKeys keys, String subject, UUID unitId, Collection<String> roles, Instant issuedAt,
                              Duration ttl, String audience) {
        Instant now = issuedAt;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}";
        String groups = roles.stream().map(r -> '"' + json(r) + '"').collect(Collectors.joining(",", "[", "]"));
        String claims = "{"
                + "\"iss\":\"" + json(DevKeys.ISSUER) + "\","
                + (audience == null ? "" : "\"aud\":\"" + json(audience) + "\",")
                + "\"sub\":\"" + json(subject) + "\","
                + "\"upn\":\"" + json(subject) + "\","
                + "\"preferred_username\":\"" + json(subject) + "\","
                + "\"unit_id\":\"" + unitId + "\","
                + "\"groups\":" + groups + ","
                + "\"jti\":\"" + UUID.randomUUID() + "\","
                + "\"iat\":" + now.getEpochSecond() + ","
                + "\"exp\":" + now.plus(ttl).getEpochSecond()
                + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(keys.privateKey());
            sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(sig.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
