// A featured image picked from the media library: its address and size come from the library, never from the form.
import type { Db } from '../platform/db/index.js'
import { validationError } from '../platform/errors.js'
import { findMediaById, mediaDisplayUrl } from '../media/index.js'
import type { ArticleImage } from './article.js'

/**
 * Completes an image that names a media item: URL, width and height from the item; alt text from the item when the
 * editor left it blank; caption and credit as the editor sent them, or the item's when not sent at all.
 * @example await withLibraryImage(db, { mediaId: 7, url: '', alt: '', caption: 'At the depot', credit: '', width: null, height: null })
 */
export async function withLibraryImage(db: Db, image: ArticleImage | undefined): Promise<ArticleImage | undefined> {
  if (image?.mediaId == null) return image
  const media = await findMediaById(db, image.mediaId)
  if (!media) throw validationError([{ field: 'image.mediaId', message: 'The chosen image is no longer in the media library' }])
  return {
    ...image,
    url: mediaDisplayUrl(media),
    width: media.width,
    height: media.height,
    alt: image.alt?.trim() ? image.alt : media.alt,
    caption: image.caption ?? media.caption,
    credit: image.credit ?? media.credit,
    mediaId: media.id,
  }
}
