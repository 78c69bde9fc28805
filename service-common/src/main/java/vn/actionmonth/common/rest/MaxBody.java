package vn.actionmonth.common.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body an operation takes, in bytes; a larger one is refused with 413 before
 * it is read or parsed. Operations without it take at most {@link #DEFAULT}.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxBody {

    /** What a command needs: a few fields and a reason. */
    long DEFAULT = 64 * 1024;

    long value();
}
