/** Who may call the hub: JWT bearer tokens with the hub's roles, a unit claim for unit users. */
package org.hotline12345.platform.security;
