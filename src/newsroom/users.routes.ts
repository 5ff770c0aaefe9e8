// Newsroom users pages (administrators only).
import type { FastifyInstance } from 'fastify'
import type { Newsroom } from './newsroom.js'

export async function usersRoutes(_app: FastifyInstance, _newsroom: Newsroom) {}
