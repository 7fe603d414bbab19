/**
 * Image classification: a reader of folders of PNG and JPEG images, one sub-folder per class
 * ({@code kiln.ImageFolder.v1}), and the image-facing classifier factory
 * ({@code kiln.image_classifier.v1}) whose models usually start with {@code kiln.Reshape.v1}.
 */
package dev.kiln.train.images;
