package vn.actionmonth.plan.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import vn.actionmonth.plan.domain.Plan;
import vn.actionmonth.plan.service.PlanSnapshots;

/** Revisions record the plan as {@link PlanView}, the shape their {@code plan} field is documented and served with. */
@ApplicationScoped
public class PlanViewSnapshots implements PlanSnapshots {

    private final ObjectMapper mapper;

    public PlanViewSnapshots(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String of(Plan p) {
        try {
            return mapper.writeValueAsString(PlanView.of(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
