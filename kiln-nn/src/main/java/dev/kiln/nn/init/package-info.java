/** Thinc's weight initializers, registered in category {@code initializers}. */
package dev.kiln.nn.init;
