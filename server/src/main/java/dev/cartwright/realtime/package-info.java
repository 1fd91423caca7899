/**
 * Real time: every committed change to a cart or a product's stock reaches every WebSocket
 * that shows it, on every node, through PostgreSQL NOTIFY after the commit.
 */
@NullMarked
package dev.cartwright.realtime;

import org.jspecify.annotations.NullMarked;
