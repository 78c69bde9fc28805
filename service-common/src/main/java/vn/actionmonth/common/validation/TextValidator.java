package vn.actionmonth.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Text}: the message names the rule that was broken. */
public class TextValidator implements ConstraintValidator<Text, String> {

    private int max;
    private boolean singleLine;

    @Override
    public void initialize(Text annotation) {
        this.max = annotation.max();
        this.singleLine = annotation.singleLine();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        String problem = TextRules.problem(value, max, singleLine);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
