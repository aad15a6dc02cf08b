/** What the hub's pages share: where they sign in, the city's names and grid outlines, and which origins may call. */
package org.hotline12345.platform.pages;
