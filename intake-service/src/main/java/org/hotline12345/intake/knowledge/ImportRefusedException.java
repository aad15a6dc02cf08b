package org.hotline12345.intake.knowledge;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.hotline12345.platform.problem.ProblemCodes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A knowledge base file refused whole: a 400 validation problem whose {@code errors} name each bad line and field
 * ({@code line}, {@code field}, {@code code}, {@code message}) in the order of the file, so that the file is fixed in
 * one pass. Nothing of the file was stored.
 */
class ImportRefusedException extends ErrorResponseException {

    private static final URI VALIDATION = URI.create("https://hotline12345.org/problems/validation");

    ImportRefusedException(List<KnowledgeImport.LineError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    private static ProblemDetail problem(List<KnowledgeImport.LineError> errors) {
        List<KnowledgeImport.LineError> ordered = errors.stream()
                .sorted(Comparator.comparingInt(KnowledgeImport.LineError::line)).toList();
        long lines = ordered.stream().mapToInt(KnowledgeImport.LineError::line).distinct().count();
        List<KnowledgeImport.LineError> listed = ordered.stream().limit(KnowledgeImport.MOST_ERRORS).toList();
        String named = String.join(", ", listed.stream().mapToInt(KnowledgeImport.LineError::line).distinct()
                .limit(20).mapToObj(Integer::toString).toList());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, lines + " line"
                + (lines == 1 ? "" : "s") + " of the file cannot be imported (line " + named + (lines > 20 ? ", …" : "")
                + "); nothing was stored. " + (ordered.size() > listed.size() ? "The first " + listed.size()
                + " of " + ordered.size() + " problems are listed." : ""));
        problem.setType(VALIDATION);
        problem.setTitle("Invalid request");
        problem.setProperty("code", ProblemCodes.VALIDATION);
        problem.setProperty("errors", listed);
        return problem;
    }
}
