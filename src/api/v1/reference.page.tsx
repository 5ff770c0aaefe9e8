// The readable reference at /api/v1/docs: the OpenAPI document laid out as HTML on the server, no script, no CDN.
import { render } from '../../ui/index.js'

interface Schema { type?: string | string[]; $ref?: string; items?: Schema; anyOf?: Schema[]; description?: string; properties?: Record<string, Schema>; required?: string[]; enum?: unknown[]; format?: string; default?: unknown; maximum?: number }
interface Parameter { name: string; in: string; required?: boolean; description?: string; schema?: Schema }
interface Operation { operationId?: string; summary?: string; description?: string; tags?: string[]; parameters?: Parameter[]; responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }> }
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string }
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, Schema> }
}

const refName = (ref: string) => ref.replace(/^#\/components\/schemas\//, '')

/** A schema in a few words: `ArticleSummary[]`, `string (date-time) | null`. */
function typeOf(s: Schema | undefined): string {
  if (!s) return ''
  if (s.$ref) return refName(s.$ref)
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ')
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type ?? 'any'
  if (type === 'array') return `${typeOf(s.items)}[]`
  const details = [s.format, s.enum ? `one of ${s.enum.join(', ')}` : '', s.maximum !== undefined ? `at most ${s.maximum}` : '', s.default !== undefined ? `default ${String(s.default)}` : '']
  const extra = details.filter(Boolean).join('; ')
  return extra ? `${type} (${extra})` : type
}

function OperationBlock({ method, path, op }: { method: string; path: string; op: Operation }) {
  return (
    <section id={op.operationId}>
      <h3><code>{method.toUpperCase()} {path}</code></h3>
      {op.summary && <p><strong>{op.summary}</strong></p>}
      {op.description && <p>{op.description}</p>}
      {op.parameters?.length ? (
        <table>
          <caption>Parameters</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
          <tbody>{op.parameters.map((p) => (
            <tr><td><code>{p.name}</code>{p.required ? ' (required)' : ''}</td><td>{p.in}</td><td>{typeOf(p.schema)}</td><td>{p.description ?? p.schema?.description ?? ''}</td></tr>
          ))}</tbody>
        </table>
      ) : null}
      <table>
        <caption>Responses</caption>
        <thead><tr><th scope="col">Status</th><th scope="col">Description</th><th scope="col">Body</th></tr></thead>
        <tbody>{Object.entries(op.responses ?? {}).map(([status, r]) => {
          const schema = r.content?.['application/json']?.schema
          const data = schema?.properties?.data
          return <tr><td>{status}</td><td>{r.description ?? ''}</td><td>{data ? `{ data: ${typeOf(data)}${schema?.properties?.next_cursor ? ', next_cursor' : ''} }` : typeOf(schema)}</td></tr>
        })}</tbody>
      </table>
    </section>
  )
}

function SchemaBlock({ name, schema }: { name: string; schema: Schema }) {
  return (
    <section id={`schema-${name}`}>
      <h3>{name}</h3>
      {schema.description && <p>{schema.description}</p>}
      <table>
        <thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
        <tbody>{Object.entries(schema.properties ?? {}).map(([field, s]) => (
          <tr><td><code>{field}</code></td><td>{typeOf(s)}</td><td>{s.description ?? ''}</td></tr>
        ))}</tbody>
      </table>
    </section>
  )
}

export function ReferencePage({ spec }: { spec: OpenApiDocument }) {
  const operations = Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${spec.info.title} ${spec.info.version}`}</title>
      </head>
      <body>
        <main>
          <h1>{spec.info.title} <small>{spec.info.version}</small></h1>
          {spec.info.description && <p>{spec.info.description}</p>}
          <p>
            The machine-readable description is <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1). Every list pages with an
            opaque <code>cursor</code>; errors are <code>{'{"error":{"code","message"}}'}</code>; responses carry an ETag and answer
            <code> If-None-Match</code> with 304.
          </p>
          <nav aria-label="Operations">
            <ul>{operations.map(({ method, path, op }) => <li><a href={`#${op.operationId ?? ''}`}><code>{method.toUpperCase()} {path}</code></a> {op.summary}</li>)}</ul>
          </nav>
          <h2>Operations</h2>
          {operations.map((o) => <OperationBlock {...o} />)}
          <h2>Schemas</h2>
          {Object.entries(spec.components?.schemas ?? {}).map(([name, schema]) => <SchemaBlock name={name} schema={schema} />)}
        </main>
      </body>
    </html>
  )
}

export const renderReference = (spec: OpenApiDocument) => render(<ReferencePage spec={spec} />)
