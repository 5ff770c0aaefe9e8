// What every newsroom route plugin is handed: the services and the page helpers (kept apart from the plugin to avoid an import cycle).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren, VNode } from 'preact'
import type { Deps } from '../platform/deps.js'
import type { Chrome, NavKey } from './layout.js'

export interface NewsroomOptions {
  deps: Deps
  /** Versioned path of a file in public/ (the site's asset table), e.g. assetPath('newsroom.css'). */
  assetPath: (name: string) => string
}

/** What every newsroom route plugin is given (as its plugin options). */
export interface Newsroom {
  deps: Deps
  /** Versioned path of a file in public/, for a page's own script or stylesheet. */
  assetPath: (name: string) => string
  /** Site name, stylesheet, the signed-in staff member and the CSRF token, for NewsroomLayout. */
  chrome(req: FastifyRequest, reply: FastifyReply): Promise<Chrome>
  /** Sends a rendered page element (a NewsroomLayout) as the response. */
  send(reply: FastifyReply, page: VNode, status?: number): FastifyReply
  /** chrome + NewsroomLayout + send in one call, for simple pages. */
  page(req: FastifyRequest, reply: FastifyReply, view: {
    title: string; current?: NavKey; notice?: string | undefined; status?: number; body: ComponentChildren
  }): Promise<FastifyReply>
}
