/** Plain-Java text making: templates with named placeholders, and SMS segment counting. */
package org.hotline12345.notification.texts;
