/**
 * The knowledge base's figures (直办): calls answered on the spot, the share of calls answered from an article, and
 * the articles used most, read from the rollups.
 */
package org.hotline12345.analytics.knowledge;
