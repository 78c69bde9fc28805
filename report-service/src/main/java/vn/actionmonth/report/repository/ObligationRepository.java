package vn.actionmonth.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.domain.ObligationReplica;

import java.util.UUID;

@ApplicationScoped
public class ObligationRepository implements PanacheRepositoryBase<ObligationReplica, UUID> {
}
