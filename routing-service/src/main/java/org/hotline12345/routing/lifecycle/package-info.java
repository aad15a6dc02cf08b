/**
 * The routed ticket's lifecycle as plain Java: its states, and which of them each change may start from. The
 * aggregate ({@code routing.assignment.RoutedTicket}) asks it before every change.
 */
package org.hotline12345.routing.lifecycle;
