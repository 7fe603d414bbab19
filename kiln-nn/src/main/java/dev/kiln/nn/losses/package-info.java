/** Thinc's losses, each giving the gradient with respect to the guesses and the loss value. */
package dev.kiln.nn.losses;
