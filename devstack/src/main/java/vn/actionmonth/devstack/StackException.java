package vn.actionmonth.devstack;

/** A failure of the run command with a message meant for the developer reading the console. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
