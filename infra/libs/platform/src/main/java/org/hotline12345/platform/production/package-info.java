/**
 * Production mode: a service refuses to start with the dev stack's parts, without its secrets, or with a broker user
 * that may do more than its documented grants, naming each.
 */
package org.hotline12345.platform.production;
