/** Citizens' contact data: sealed at rest and on the topics, found by keyed hash, shown masked. */
package org.hotline12345.platform.pii;
