/** The analysts' dashboard: a static page that asks for an analyst token and reads only the public analytics API. */
package org.hotline12345.analytics.dashboard;
