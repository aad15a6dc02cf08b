/** The supervisors' search over every ticket: by its number, by its caller's phone number, or by words. */
package org.hotline12345.routing.search;
