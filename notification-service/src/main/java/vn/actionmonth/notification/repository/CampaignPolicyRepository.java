package vn.actionmonth.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.notification.domain.CampaignPolicy;

import java.util.UUID;

@ApplicationScoped
public class CampaignPolicyRepository implements PanacheRepositoryBase<CampaignPolicy, UUID> {
}
