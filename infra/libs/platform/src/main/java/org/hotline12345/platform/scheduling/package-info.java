/** Work a service repeats on a fixed interval for as long as it runs. */
package org.hotline12345.platform.scheduling;
