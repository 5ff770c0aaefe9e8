// Reads a multipart form with one file and a few named text fields, the shape every upload form here has.
import type { FastifyRequest } from 'fastify'

export interface UploadedFile {
  bytes: Buffer
  filename: string
}

/**
 * The first part named `file`, and the text fields named in `text` (written into it; others are ignored).
 * Errors from the body itself (cut off, over the size limit) are thrown as they come, for the caller to word.
 * @example const text = { alt: '', caption: '' }; const file = await readMultipartUpload(req, text)
 */
export async function readMultipartUpload<K extends string>(req: FastifyRequest, text: Record<K, string>): Promise<UploadedFile | undefined> {
  let file: UploadedFile | undefined
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer()
      if (part.fieldname === 'file' && !file) file = { bytes, filename: part.filename }
    } else if (Object.hasOwn(text, part.fieldname) && typeof part.value === 'string') {
      text[part.fieldname as K] = part.value
    }
  }
  return file
}
