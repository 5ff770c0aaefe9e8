// Media in an S3-compatible object store, so every instance serves the same library (MEDIA_STORE=s3://…).
import { Readable } from 'node:stream'
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException,
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { etagFor, isMediaName, mediaTypeOf, type MediaStore } from './media-store.js'

export interface S3Location {
  bucket: string
  /** Key prefix inside the bucket, empty or ending in `/`. */
  prefix: string
  endpoint: string | undefined
  region: string
  /** Path-style addressing (`endpoint/bucket/key`), which self-hosted stores need; on by default with an endpoint. */
  pathStyle: boolean
}

/** `s3://bucket/optional/prefix?endpoint=http://127.0.0.1:9000&region=eu-west-1&path_style=true` */
export function parseS3Url(raw: string): S3Location {
  const url = new URL(raw)
  const endpoint = url.searchParams.get('endpoint') ?? undefined
  const path = url.pathname.replace(/^\/+|\/+$/g, '')
  return {
    bucket: url.hostname,
    prefix: path ? `${path}/` : '',
    endpoint,
    region: url.searchParams.get('region') ?? process.env.AWS_REGION ?? 'us-east-1',
    pathStyle: (url.searchParams.get('path_style') ?? (endpoint ? 'true' : 'false')) === 'true',
  }
}

const notFound = (err: unknown) =>
  err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404)

/**
 * Credentials come from the usual AWS variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, a profile or an
 * instance role). Every request has a deadline: a store that stops answering fails a page or an upload
 * within seconds instead of holding it open.
 */
export function s3MediaStore(location: S3Location, client = new S3Client({
  region: location.region,
  endpoint: location.endpoint,
  forcePathStyle: location.pathStyle,
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 },
})): MediaStore {
  const { bucket, prefix } = location
  const key = (name: string) => {
    if (!isMediaName(name)) throw new Error(`invalid media name: ${name}`)
    return `${prefix}${name}`
  }
  return {
    async put(name, body) {
      // Upload streams large files in parts; an object appears to readers only once it is complete.
      await new Upload({
        client,
        params: {
          Bucket: bucket, Key: key(name), Body: body, ContentType: mediaTypeOf(name),
          CacheControl: 'public, max-age=31536000, immutable',
        },
      }).done()
    },
    async get(name) {
      if (!isMediaName(name)) return undefined
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key(name) }))
        return Buffer.from(await res.Body!.transformToByteArray())
      } catch (err) {
        if (notFound(err)) return undefined
        throw err
      }
    },
    async exists(name) {
      if (!isMediaName(name)) return false
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key(name) }))
        return true
      } catch (err) {
        if (notFound(err)) return false
        throw err
      }
    },
    async delete(name) {
      if (!isMediaName(name)) return
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key(name) }))
    },
    async stream(name) {
      if (!isMediaName(name)) return undefined
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key(name) }))
        const bytes = Number(res.ContentLength ?? 0)
        // The same validator as the disk store's, so moving a library between stores does not change ETags.
        return { body: res.Body as Readable, bytes, etag: etagFor(name, bytes) }
      } catch (err) {
        if (notFound(err)) return undefined
        throw err
      }
    },
    async *list() {
      let token: string | undefined
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }))
        for (const object of page.Contents ?? []) {
          const name = object.Key?.slice(prefix.length)
          if (name && isMediaName(name)) yield name
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined
      } while (token)
    },
  }
}
