/** Cross-cutting auto-configuration that every service of the hub uses, so no service repeats it. */
package org.hotline12345.platform;
