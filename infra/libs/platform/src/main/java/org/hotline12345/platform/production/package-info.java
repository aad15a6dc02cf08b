/** Production mode: a service refuses to start with the dev stack's parts or without its secrets, naming each. */
package org.hotline12345.platform.production;
