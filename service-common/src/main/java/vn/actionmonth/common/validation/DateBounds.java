package vn.actionmonth.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date or instant of this system's world: years {@link #MIN_YEAR} to {@link #MAX_YEAR}. Java
 * reads years up to 999,999,999 and PostgreSQL refuses most of them; a plan dated in year 99999
 * is a typing error, answered like any other. Null is valid.
 */
@Documented
@Constraint(validatedBy = {DateBoundsValidator.ForLocalDate.class, DateBoundsValidator.ForOffsetDateTime.class})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface DateBounds {

    int MIN_YEAR = 1900;
    int MAX_YEAR = 2200;

    String message() default "must be a date between the years " + MIN_YEAR + " and " + MAX_YEAR;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
