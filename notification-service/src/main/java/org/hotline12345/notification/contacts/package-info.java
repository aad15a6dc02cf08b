/**
 * The citizen's contact record of each ticket, and the numbers that opted out: how to reach the citizen, whether a
 * satisfaction question awaits their answer, and whether a public channel's number was proven. Only
 * {@link org.hotline12345.notification.contacts.CitizenContacts} changes them, each change a write of its own fields,
 * so that texting, replies and verification never lose each other's changes.
 */
package org.hotline12345.notification.contacts;
