// Validates XML against the schemas in ./schemas with libxml2's xmllint; reports once, and skips, when it is missing.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const schemas = fileURLToPath(new URL('./schemas/', import.meta.url))

let available: boolean | undefined

export function hasXmllint(): boolean {
  if (available === undefined) {
    available = spawnSync('xmllint', ['--version']).status === 0
    if (!available) console.log('XML schema checks skipped: xmllint is missing; install it with `apt-get install -y libxml2-utils`.')
  }
  return available
}

/** xmllint's complaints about this document, or '' when it is valid. */
export function schemaErrors(xml: string, schema: 'siteindex.xsd' | 'sitemap.xsd'): string {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-xml-'))
  try {
    const file = join(dir, 'doc.xml')
    writeFileSync(file, xml)
    const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(schemas, schema), file], { encoding: 'utf8' })
    return result.status === 0 ? '' : `${result.stderr}${result.stdout}`
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
