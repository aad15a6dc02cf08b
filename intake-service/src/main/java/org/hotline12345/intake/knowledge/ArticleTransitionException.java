package org.hotline12345.intake.knowledge;

import org.hotline12345.platform.problem.IllegalTransitionException;

/** What was asked of an article its status does not allow: answered 409 with the status and the rule. */
class ArticleTransitionException extends IllegalTransitionException {

    private final String message;

    ArticleTransitionException(String action, String verb, ArticleStatus current, String rule) {
        super(action, verb, current.name(), rule);
        this.message = "Cannot " + verb + " an article that is " + current + ": " + rule + ".";
    }

    @Override
    public String getMessage() {
        return message;
    }
}
