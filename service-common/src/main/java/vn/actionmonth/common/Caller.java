package vn.actionmonth.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.UUID;

/** Who is calling: the unit of the token's {@code unit_id} claim and the roles of its {@code groups}. */
@RequestScoped
public class Caller {

    public static final String UNIT_CLAIM = "unit_id";

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The caller's unit; a token without a readable {@code unit_id} is refused with 403. */
    public UUID unitId() {
        Object claim = token.getClaim(UNIT_CLAIM);
        String value = claim == null ? null : claim.toString().replace("\"", "");
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw vn.actionmonth.common.problem.Problems.forbidden("the token carries no valid unit_id claim");
        }
    }

    public String name() {
        return identity.getPrincipal() == null ? "anonymous" : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean isSystem() {
        return has(Roles.SYSTEM);
    }

    /** Refuses with 403 unless the caller has one of the roles. */
    public void require(String... roles) {
        for (String r : roles) {
            if (has(r)) {
                return;
            }
        }
        throw vn.actionmonth.common.problem.Problems.forbidden("this needs one of the roles " + String.join(", ", roles));
    }
}
