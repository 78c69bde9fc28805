package vn.actionmonth.common.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import vn.actionmonth.common.AdjustableClock;

import javax.crypto.SecretKey;
import java.lang.reflect.Proxy;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache's rules, with a stand-in verifier (the real one is exercised by SecurityAndProblemTest). */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private final List<String> verifications = new ArrayList<>();
    private final List<JsonWebToken> issued = new ArrayList<>();
    private final Map<String, long[]> claims = new HashMap<>();
    private final AdjustableClock clock = new AdjustableClock(Clock.fixed(NOW, ZoneOffset.UTC), true);

    private final JWTParser verifier = (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {JWTParser.class}, (proxy, method, args) -> {
                if (!method.getName().equals("parse") || args.length != 1) {
                    throw new UnsupportedOperationException(method.getName());
                }
                String token = (String) args[0];
                verifications.add(token);
                long[] iatExp = claims.get(token);
                if (iatExp == null || clock.instant().getEpochSecond() >= iatExp[1]) {
                    throw new ParseException("refused");
                }
                JsonWebToken jwt = jwt(iatExp[0], iatExp[1]);
                issued.add(jwt);
                return jwt;
            });

    private final VerifiedTokens cache = new VerifiedTokens(verifier, Optional.of(3600L), clock);

    @Test
    void aTokenIsVerifiedOnceWhileValidAndEachDistinctTokenOnItsOwn() throws Exception {
        claims.put("a", new long[] {NOW.getEpochSecond(), NOW.plusSeconds(600).getEpochSecond()});
        claims.put("a-with-another-payload", new long[] {NOW.getEpochSecond(), NOW.plusSeconds(600).getEpochSecond()});

        JsonWebToken first = cache.parse("a");
        JsonWebToken again = cache.parse("a");
        clock.set(NOW.plusSeconds(599));
        JsonWebToken later = cache.parse("a");
        JsonWebToken other = cache.parse("a-with-another-payload");

        assertThat(verifications).containsExactly("a", "a-with-another-payload");
        assertThat(first).isSameAs(issued.get(0));
        assertThat(again).isSameAs(first);
        assertThat(later).isSameAs(first);
        assertThat(other).isSameAs(issued.get(1));
    }

    @Test
    void aRememberedTokenIsVerifiedAgainFromItsExpiryOrItsMaximumAgeWhicheverComesFirst() throws Exception {
        claims.put("short", new long[] {NOW.getEpochSecond(), NOW.plusSeconds(60).getEpochSecond()});
        claims.put("long", new long[] {NOW.minusSeconds(3000).getEpochSecond(), NOW.plusSeconds(86_400).getEpochSecond()});
        cache.parse("short");
        cache.parse("long");

        clock.set(NOW.plusSeconds(60));
        assertThatThrownBy(() -> cache.parse("short")).isInstanceOf(ParseException.class);
        clock.set(NOW.plusSeconds(600));
        cache.parse("long");

        assertThat(verifications).containsExactly("short", "long", "short", "long");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> cache.parse("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> cache.parse("forged")).isInstanceOf(ParseException.class);

        assertThat(verifications).containsExactly("forged", "forged");
    }

    @Test
    void withoutAMaximumAgeATokenIsRememberedUntilItsExpiry() throws Exception {
        VerifiedTokens ageless = new VerifiedTokens(verifier, Optional.empty(), clock);
        claims.put("old", new long[] {NOW.minusSeconds(86_400).getEpochSecond(), NOW.plusSeconds(600).getEpochSecond()});
        ageless.parse("old");
        clock.set(NOW.plusSeconds(599));
        ageless.parse("old");

        assertThat(verifications).containsExactly("old");
    }

    @Test
    void aTokenWithoutAnIssueTimeIsRememberedUntilItsExpiry() throws Exception {
        claims.put("no-iat", new long[] {0, NOW.plusSeconds(7200).getEpochSecond()});
        cache.parse("no-iat");
        clock.set(NOW.plusSeconds(7199));
        cache.parse("no-iat");

        assertThat(verifications).containsExactly("no-iat");
    }

    @Test
    void aTokenAlreadyPastItsMaximumAgeIsNeverRemembered() throws Exception {
        claims.put("aged", new long[] {NOW.minusSeconds(3601).getEpochSecond(), NOW.plusSeconds(600).getEpochSecond()});
        cache.parse("aged");
        cache.parse("aged");

        assertThat(verifications).containsExactly("aged", "aged");
    }

    @Test
    void aFullCacheDropsTheTokensPastTheirTimeAndKeepsTheOthers() throws Exception {
        int half = VerifiedTokens.MAX_ENTRIES / 2;
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            long exp = NOW.plusSeconds(i < half ? 60 : 600).getEpochSecond();
            claims.put("t" + i, new long[] {NOW.getEpochSecond(), exp});
            cache.parse("t" + i);
        }
        clock.set(NOW.plusSeconds(60));
        claims.put("new", new long[] {NOW.getEpochSecond(), NOW.plusSeconds(600).getEpochSecond()});
        cache.parse("new");
        verifications.clear();

        cache.parse("t" + half);
        cache.parse("new");

        assertThat(verifications).as("still valid, so kept when the expired ones made room").isEmpty();
    }

    @Test
    void aFullCacheOfValidTokensStartsOver() throws Exception {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            claims.put("t" + i, new long[] {NOW.getEpochSecond(), NOW.plusSeconds(600).getEpochSecond()});
            cache.parse("t" + i);
        }
        cache.parse("t0");
        assertThat(verifications).as("remembered while the cache has room").hasSize(VerifiedTokens.MAX_ENTRIES);

        claims.put("one-too-many", new long[] {NOW.getEpochSecond(), NOW.plusSeconds(600).getEpochSecond()});
        cache.parse("one-too-many");
        verifications.clear();
        cache.parse("t0");
        cache.parse("one-too-many");

        assertThat(verifications).containsExactly("t0");
    }

    @Test
    void everyOtherWayToVerifyGoesToTheVerifierAndIsNeverRemembered() throws Exception {
        Map<String, JsonWebToken> answers = new HashMap<>();
        List<String> calls = new ArrayList<>();
        JWTParser recording = (JWTParser) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {JWTParser.class}, (proxy, method, args) -> {
                    String call = method.getName() + "/" + (args.length == 2 && args[1] != null
                            ? args[1].getClass().getSimpleName() : method.getParameterTypes()[args.length - 1].getSimpleName());
                    calls.add(call);
                    return answers.computeIfAbsent(call, c -> jwt(NOW.getEpochSecond(), NOW.plusSeconds(600).getEpochSecond()));
                });
        VerifiedTokens tokens = new VerifiedTokens(recording, Optional.of(3600L), clock);

        List<JsonWebToken> returned = List.of(
                tokens.parse("a", new JWTAuthContextInfo()),
                tokens.verify("a", (PublicKey) null),
                tokens.verify("a", (SecretKey) null),
                tokens.verify("a", "secret"),
                tokens.decrypt("a", (PrivateKey) null),
                tokens.decrypt("a", (SecretKey) null),
                tokens.decrypt("a", "secret"),
                tokens.parseOnly("a"));
        tokens.parse("a");

        List<String> ways = List.of("parse/JWTAuthContextInfo", "verify/PublicKey", "verify/SecretKey", "verify/String",
                "decrypt/PrivateKey", "decrypt/SecretKey", "decrypt/String", "parseOnly/String");
        assertThat(calls).containsExactlyElementsOf(concat(ways, "parse/String"));
        for (int i = 0; i < ways.size(); i++) {
            assertThat(returned.get(i)).as(ways.get(i)).isSameAs(answers.get(ways.get(i)));
        }
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> out = new ArrayList<>(first);
        out.add(last);
        return out;
    }

    private static JsonWebToken jwt(long iat, long exp) {
        return (JsonWebToken) Proxy.newProxyInstance(VerifiedTokensTest.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getExpirationTime" -> exp;
                    case "getIssuedAtTime" -> iat;
                    case "getName" -> "can-bo";
                    case "getClaimNames" -> Set.of("iat", "exp");
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
