/**
 * The operator's knowledge base (直办): articles the units keep and the centre's editors publish, stored in MongoDB
 * with every published version, and searched in Chinese while the caller speaks.
 */
package org.hotline12345.intake.knowledge;
