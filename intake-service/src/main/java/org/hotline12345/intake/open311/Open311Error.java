package org.hotline12345.intake.open311;

import org.springframework.http.HttpStatus;

/** A request Open311 answers with its own error body: the status and what was wrong. */
class Open311Error extends RuntimeException {

    private final HttpStatus status;

    Open311Error(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
