package vn.actionmonth.common;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps only the platform's roles of a token's {@code groups} and adds {@link Roles#MEMBER} when
 * one is left. A token with no known role (a client of the same identity provider that was
 * never given one) therefore reads nothing: every endpoint requires at least {@code MEMBER}.
 */
@ApplicationScoped
public class KnownRoles implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> known = new HashSet<>(identity.getRoles());
        known.retainAll(Roles.ALL);
        if (!known.isEmpty()) {
            known.add(Roles.MEMBER);
        }
        if (known.equals(identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(known)
                .addPermissionChecker(identity::checkPermission)
                .setAnonymous(false);
        return Uni.createFrom().item(builder.build());
    }
}
