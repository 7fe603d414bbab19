/** Reading and writing tensors in the Hugging Face safetensors format. */
package dev.kiln.nn.io;
