/** Reading what people type: one home for the character rules every service applies. */
package org.hotline12345.platform.text;
