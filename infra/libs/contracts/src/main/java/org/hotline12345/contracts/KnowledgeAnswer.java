package org.hotline12345.contracts;

/**
 * The knowledge article an operator answered a call with on the spot (直办), and the version of it they read out,
 * so that the answer can be traced to what the owning unit had published at the time.
 */
public record KnowledgeAnswer(String articleId, int version) {
}
