// The static baseline: one saved page served from memory by a bare node:http server, the ceiling for Dateline's warm path.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'

const [file, port] = process.argv.slice(2)
const body = readFileSync(file)
const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }

createServer((_req, res) => {
  res.writeHead(200, headers)
  res.end(body)
}).listen(Number(port), '127.0.0.1', () => console.log('ready'))
