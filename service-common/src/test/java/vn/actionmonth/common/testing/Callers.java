package vn.actionmonth.common.testing;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.actionmonth.common.Caller;
import vn.actionmonth.common.problem.ProblemException;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Callers for the plain unit tests of access rules: a stand-in identity and token answering only
 * what {@link Caller} asks (principal, roles, the unit claim), so a rule that starts reading
 * anything else fails loudly. The real token path is tested by each service's authorization matrix.
 * Shipped to the services in service-common's test jar.
 */
public final class Callers {

    private Callers() {
    }

    /** A caller of {@code unit} named can-bo holding {@code roles}. */
    public static Caller caller(UUID unit, Set<String> roles) {
        return caller("can-bo", roles, unit.toString());
    }

    /** A caller named {@code subject} (null: no principal) whose token's unit claim is {@code unitClaim}. */
    public static Caller caller(String subject, Set<String> roles, Object unitClaim) {
        Principal principal = subject == null ? null : () -> subject;
        SecurityIdentity identity = (SecurityIdentity) Proxy.newProxyInstance(Callers.class.getClassLoader(),
                new Class<?>[] {SecurityIdentity.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPrincipal" -> principal;
                    case "getRoles" -> roles;
                    case "hasRole" -> roles.contains((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        JsonWebToken token = (JsonWebToken) Proxy.newProxyInstance(Callers.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getClaim") && Caller.UNIT_CLAIM.equals(args[0])) {
                        return unitClaim;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Caller(identity, token);
    }

    /** {@code call} is refused with 403 and exactly {@code detail}. */
    public static void assertForbidden(Runnable call, String detail) {
        ProblemException e = catchThrowableOfType(ProblemException.class, call::run);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo(detail);
    }
}
