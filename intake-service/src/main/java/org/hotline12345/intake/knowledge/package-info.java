/**
 * The operator's knowledge base (直办): articles the units keep and the centre's editors publish, stored in MongoDB
 * with every published version, and searched in Chinese while the caller speaks; the operators' flags on articles
 * that are wrong or outdated, the articles about to expire, and the check of the article a call was answered with.
 */
package org.hotline12345.intake.knowledge;
