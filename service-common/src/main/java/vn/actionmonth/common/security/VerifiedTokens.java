package vn.actionmonth.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer token's RSA signature and claims once, not on every request: a client signs
 * in once and sends the same token for hours, and each verification cost about a sixth of
 * report-service's CPU under load. A token that verified is remembered, keyed by the whole token
 * (never by its signature alone, which a forged payload could reuse), until the earlier of its
 * {@code exp} and its {@code iat} plus the configured maximum age; after that it is verified
 * again, and refused where the rules say so. At most {@link #MAX_ENTRIES} tokens are kept.
 *
 * <p>What this gives up: a token stays accepted until it expires even if the identity provider's
 * key is rotated meanwhile, as it would in any session of that length.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int MAX_ENTRIES = 2_000;

    private record Verified(JsonWebToken token, Instant until) {
    }

    private final JWTParser delegate;
    private final Optional<Long> maxAgeSeconds;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(DefaultJWTParser delegate,
                          @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxAgeSeconds) {
        this(delegate, maxAgeSeconds, Clock.systemUTC());
    }

    VerifiedTokens(JWTParser delegate, Optional<Long> maxAgeSeconds, Clock clock) {
        this.delegate = delegate;
        this.maxAgeSeconds = maxAgeSeconds;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        Instant now = clock.instant();
        Verified v = verified.get(bearerToken);
        if (v != null && now.isBefore(v.until())) {
            return v.token();
        }
        JsonWebToken token = delegate.parse(bearerToken);
        Instant until = Instant.ofEpochSecond(token.getExpirationTime());
        if (maxAgeSeconds.isPresent() && token.getIssuedAtTime() > 0) {
            Instant aged = Instant.ofEpochSecond(token.getIssuedAtTime()).plusSeconds(maxAgeSeconds.get());
            until = aged.isBefore(until) ? aged : until;
        }
        if (now.isBefore(until)) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(e -> !now.isBefore(e.until()));
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
            }
            verified.put(bearerToken, new Verified(token, until));
        }
        return token;
    }

    /** Verified with the given context, which this cache does not know: never remembered. */
    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return delegate.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return delegate.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return delegate.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return delegate.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return delegate.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return delegate.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return delegate.parseOnly(bearerToken);
    }
}
