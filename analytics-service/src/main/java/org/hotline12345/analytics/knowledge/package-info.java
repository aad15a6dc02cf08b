/**
 * The knowledge base's figures (直办): calls answered on the spot, the share of calls answered from an article, of
 * the whole city and of each category, and the articles used most, read from the rollups; and its gaps (知识缺口),
 * the questions dispatched because no article answered them, by category and by their words, read from their facts.
 */
package org.hotline12345.analytics.knowledge;
