/**
 * Lead and supporting units (主办/协办): a supporting unit finds its parts of the tickets other units lead, signs for
 * each and sends its part of the answer to the lead; the centre lists the parts overdue (协办超期) and waives a part
 * with a reason. The lead cannot resolve a ticket until each part is in or waived.
 */
package org.hotline12345.routing.parts;
