// Media: the store for uploaded and generated files, and locally drawn demo pictures.
export { diskMediaStore, mediaNamePattern, mediaTypes, type MediaStore } from './media-store.js'
export { drawIllustration } from './illustration.js'
