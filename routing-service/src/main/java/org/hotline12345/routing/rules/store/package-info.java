/** Where rule sets live and how administrators change them: versions in MongoDB, upload, history, dry run. */
package org.hotline12345.routing.rules.store;
