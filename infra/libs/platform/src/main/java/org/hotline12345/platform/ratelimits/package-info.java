/**
 * Request limits shared by every instance of a service (fixed windows counted in MongoDB), and who a request came
 * from behind the city's load balancers.
 */
package org.hotline12345.platform.ratelimits;
