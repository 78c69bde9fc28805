package vn.actionmonth.common.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import vn.actionmonth.common.AdjustableClock;

import java.lang.reflect.Proxy;
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
                return jwt(iatExp[0], iatExp[1]);
            });

    private final VerifiedTokens cache = new VerifiedTokens(verifier, Optional.of(3600L), clock);

    @Test
    void aTokenIsVerifiedOnceWhileValidAndEachDistinctTokenOnItsOwn() throws Exception {
        claims.put("a", new long[] {NOW.getEpochSecond(), NOW.plusSeconds(600).getEpochSecond()});
        claims.put("a-with-another-payload", new long[] {NOW.getEpochSecond(), NOW.plusSeconds(600).getEpochSecond()});

        cache.parse("a");
        cache.parse("a");
        clock.set(NOW.plusSeconds(599));
        cache.parse("a");
        cache.parse("a-with-another-payload");

        assertThat(verifications).containsExactly("a", "a-with-another-payload");
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
