package vn.actionmonth.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Checks {@link DateBounds} for dates and instants. */
public final class DateBoundsValidator {

    private DateBoundsValidator() {
    }

    static boolean inBounds(int year) {
        return year >= DateBounds.MIN_YEAR && year <= DateBounds.MAX_YEAR;
    }

    public static class ForLocalDate implements ConstraintValidator<DateBounds, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || inBounds(value.getYear());
        }
    }

    public static class ForOffsetDateTime implements ConstraintValidator<DateBounds, OffsetDateTime> {
        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return value == null || inBounds(value.getYear());
        }
    }
}
