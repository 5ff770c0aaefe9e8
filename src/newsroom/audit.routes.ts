// Newsroom audit pages (administrators only).
import type { FastifyInstance } from 'fastify'
import type { Newsroom } from './newsroom.js'

export async function auditRoutes(_app: FastifyInstance, _newsroom: Newsroom) {}
