package org.hotline12345.platform.problem;

/** The current state of a resource does not allow what was asked: answered 409 with the current state. */
public class IllegalTransitionException extends RuntimeException {

    private final String currentState;

    public IllegalTransitionException(String action, String currentState) {
        super("Cannot " + action + " a ticket that is " + currentState + ".");
        this.currentState = currentState;
    }

    public String currentState() {
        return currentState;
    }
}
