/** Health, metrics and time: a Mongo check by ping, and the clock every service reads. */
package org.hotline12345.platform.observability;
