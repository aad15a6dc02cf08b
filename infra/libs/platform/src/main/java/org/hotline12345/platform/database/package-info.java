/**
 * The services' ways with the database: how long one operation may take, and many callers' writes or reads shared in
 * one round trip.
 */
package org.hotline12345.platform.database;
