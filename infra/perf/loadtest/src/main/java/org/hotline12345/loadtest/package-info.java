/**
 * The hub's load test: run against a stack that is up (./devstack, or any URLs and brokers given), it preloads a
 * city's history, drives operator calls at fixed arrival rates, or in closed-loop bursts timed until the consumers
 * have read everything, and reports what a city would see.
 */
package org.hotline12345.loadtest;
