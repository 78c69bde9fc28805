package vn.actionmonth.plan.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import vn.actionmonth.common.problem.Problem;
import vn.actionmonth.plan.service.DraftConstraints;
import vn.actionmonth.plan.service.PlanDraft;

import java.util.List;

/** A draft checked as the plan API checks a {@link PlanInput}: by its bean validation constraints. */
@ApplicationScoped
public class PlanInputConstraints implements DraftConstraints {

    private final Validator validator;

    public PlanInputConstraints(Validator validator) {
        this.validator = validator;
    }

    @Override
    public List<Problem.Violation> violations(PlanDraft draft) {
        return validator.validate(PlanInput.of(draft)).stream()
                .map(v -> Problem.Violation.body(v.getPropertyPath().toString(), v.getMessage())).toList();
    }
}
