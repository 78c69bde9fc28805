package vn.actionmonth.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.report.domain.ObligationReplica;

import java.util.UUID;

@ApplicationScoped
public class ObligationRepository implements PanacheRepositoryBase<ObligationReplica, UUID> {

    /** True when {@code via} is the consolidating unit of an obligation of plan {@code planId} owed to {@code recipient}. */
    public boolean consolidatesFor(UUID via, UUID recipient, UUID planId) {
        return count("viaUnitId = ?1 and recipientId = ?2 and planId = ?3", via, recipient, planId) > 0;
    }

    /** The year of the plan's campaign, as its obligations carry it; null when none does. */
    public Integer yearOfPlan(UUID planId) {
        @SuppressWarnings("unchecked")
        java.util.List<Integer> years = getEntityManager().createNativeQuery(
                "SELECT campaign_year FROM obligation_replica WHERE plan_id = :plan AND campaign_year IS NOT NULL LIMIT 1",
                Integer.class).setParameter("plan", planId).getResultList();
        return years.isEmpty() ? null : years.get(0);
    }

    /** The campaigns whose obligations carry this year. */
    public java.util.List<UUID> campaignsOfYear(int year) {
        @SuppressWarnings("unchecked")
        java.util.List<UUID> ids = getEntityManager().createNativeQuery(
                "SELECT DISTINCT campaign_id FROM obligation_replica WHERE campaign_year = :year ORDER BY campaign_id", UUID.class)
                .setParameter("year", year).getResultList();
        return ids;
    }
}
