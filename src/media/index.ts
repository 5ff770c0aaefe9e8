// Media: uploads checked by content and re-encoded into responsive variants, the store that keeps them, demo pictures.
export {
  diskMediaStore, isMediaName, mediaNamePattern, mediaTypeOf, mediaTypes,
  type MediaStore, type StoredFile,
} from './media-store.js'
export { createMediaStore } from './open-media-store.js'
export {
  extensionOf, fallbackVariant, imageFormats, mediaDisplayUrl, mediaLimits, mediaMarkdown, mediaPath, mimeOf, parseVariants,
  sniffImageFormat, variantFormats, variantWidths, variantWidthsFor,
  type ImageFormat, type Media, type MediaVariant, type VariantFormat,
} from './media.js'
export { inspectImage, encodeImage, type Inspected } from './process-image.js'
export { findMediaById, findMediaByStems, listMedia, countMediaUsage } from './media.store.js'
export {
  uploadMedia, getMedia, updateMediaDetails, deleteMedia, checkMediaText, type MediaText, type UploadInput,
} from './manage-media.js'
export { drawIllustration, drawCardImage } from './illustration.js'
